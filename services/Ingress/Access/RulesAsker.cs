using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace AutoReply.Ingress.Access;

/// <summary>Ingress's questions to the rules service, each asked with the key the caller presented: rules answers for that key.</summary>
public sealed class RulesAsker(IHttpClientFactory clients, IOptions<KeyCheckOptions> options)
{
    public const string ClientName = "rules";

    public async Task<HttpResponseMessage> AskAsync(string path, string presentedKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.RulesUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", presentedKey);
        return await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
    }
}
