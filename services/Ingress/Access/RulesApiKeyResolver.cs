using System.Net;
using System.Security.Cryptography;
using System.Text;
using AutoReply.Security;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace AutoReply.Ingress.Access;

/// <summary>
/// Workspaces' keys belong to the rules service, so ingress asks it who a key is
/// (<c>GET /v1/keys/current</c>, sent with that key) and remembers the answer by the key's hash
/// (<see cref="KeyCheckOptions.Answers"/>): a revoked key stops working here within
/// <c>KeyCheck:FreshFor</c>, idle or not, and a known key keeps working while rules restarts.
/// </summary>
public sealed class RulesApiKeyResolver(RulesAsker rules, IFusionCache answers, IOptions<KeyCheckOptions> options) : IApiKeyResolver
{
    public const string Dependency = "rules service, which checks API keys,";

    public async Task<ApiKeyIdentity?> ResolveAsync(string presentedKey, CancellationToken cancellationToken)
    {
        // Anything not shaped like a workspace's key is no key at all: rules is not asked about it.
        if (!WorkspaceKeyShape.TryReadPrefix(presentedKey, out _))
        {
            return null;
        }

        try
        {
            return await answers.GetOrSetAsync<ApiKeyIdentity?>(
                "api-key:" + Hash(presentedKey), (_, token) => AskAsync(presentedKey, token), options.Value.Answers, cancellationToken);
        }
        catch (Exception ex) when (RulesAsker.IsUnanswered(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiKeyCheckUnavailableException(Dependency, ex);
        }
    }

    /// <summary>Never the key itself in memory longer than the request: its hash names the question.</summary>
    private static string Hash(string presentedKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));

    private async Task<ApiKeyIdentity?> AskAsync(string presentedKey, CancellationToken cancellationToken)
    {
        using var response = await rules.AskAsync("/v1/keys/current", presentedKey, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<ApiKeyIdentity>(cancellationToken),
            // Not a key of any workspace: the administrator's key, which has none, is no key here either.
            HttpStatusCode.Unauthorized or HttpStatusCode.NotFound => null,
            _ => throw new UnexpectedAnswerException(response.StatusCode),
        };
    }
}
