using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AutoReply.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AutoReply.Ingress.Access;

/// <summary>
/// Workspaces' keys belong to the rules service, so ingress asks it who a key is
/// (<c>GET /v1/keys/current</c>, sent with that key) and remembers the answer by the key's hash
/// (<see cref="RememberedAnswers"/>): a revoked key stops working here within
/// <c>KeyCheck:FreshFor</c>, and a known key keeps working while rules restarts.
/// </summary>
public sealed class RulesApiKeyResolver(IHttpClientFactory clients, RememberedAnswers answers, IOptions<KeyCheckOptions> options) : IApiKeyResolver
{
    public const string ClientName = "rules";
    public const string Dependency = "rules service, which checks API keys,";

    public async Task<ApiKeyIdentity?> ResolveAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var question = "api-key:" + Hash(presentedKey);
        Task<ApiKeyIdentity?> Ask(CancellationToken token) => AskAsync(presentedKey, token);
        if (answers.TryRecall(question, Ask, out var known))
        {
            return known;
        }
        try
        {
            return await answers.AskAsync(question, Ask, cancellationToken);
        }
        catch (Exception ex) when (RememberedAnswers.IsUnanswered(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiKeyCheckUnavailableException(Dependency, ex);
        }
    }

    /// <summary>Never the key itself in memory longer than the request: its hash names the question.</summary>
    public static string Hash(string presentedKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));

    private async Task<ApiKeyIdentity?> AskAsync(string presentedKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.RulesUrl, "/v1/keys/current"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", presentedKey);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<ApiKeyIdentity>(cancellationToken),
            // Not a key of any workspace: the administrator's key, which has none, is no key here either.
            HttpStatusCode.Unauthorized or HttpStatusCode.NotFound => null,
            _ => throw new UnexpectedAnswerException(response.StatusCode),
        };
    }
}
