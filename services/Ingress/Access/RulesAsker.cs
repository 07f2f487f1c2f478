using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using ZiggyCreatures.Caching.Fusion;

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

    /// <summary>Rules did not answer (down, slow, or failing): not a refusal.</summary>
    public static bool IsUnanswered(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or ExecutionRejectedException or UnexpectedAnswerException or SyntheticTimeoutException;
}

/// <summary>Rules answered with a status that is neither yes nor no.</summary>
public sealed class UnexpectedAnswerException(System.Net.HttpStatusCode status) : Exception($"The rules service answered {(int)status}.");
