using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AutoReply.ServiceDefaults.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Polly;

namespace AutoReply.Ingress.Access;

/// <summary>
/// Workspaces' keys belong to the rules service, so ingress asks it who a key is
/// (<c>GET /v1/keys/current</c>, sent with that key) and remembers the answer, by the key's hash.
/// A remembered answer is used at once; past <see cref="KeyCheckOptions.FreshFor"/> it is asked
/// again in the background, one request per key, so a revoked key stops working here within that
/// time. While rules does not answer, a known key keeps working for
/// <see cref="KeyCheckOptions.StaleFor"/>: a rules restart does not stop the events.
/// </summary>
public sealed partial class RulesApiKeyResolver(
    IHttpClientFactory clients,
    IMemoryCache cache,
    TimeProvider clock,
    IOptions<KeyCheckOptions> options,
    ILogger<RulesApiKeyResolver> logger) : IApiKeyResolver
{
    public const string ClientName = "rules-keys";
    public const string Dependency = "rules service, which checks API keys,";

    private readonly ConcurrentDictionary<string, bool> refreshing = new();

    public async Task<ApiKeyIdentity?> ResolveAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var cacheKey = CacheKey(presentedKey);
        if (cache.TryGetValue<Answer>(cacheKey, out var known) && known is not null)
        {
            if (clock.GetUtcNow() - known.At >= options.Value.FreshFor)
            {
                RefreshInBackground(cacheKey, presentedKey);
            }
            return known.Identity;
        }

        try
        {
            return await AskAndRememberAsync(cacheKey, presentedKey, cancellationToken);
        }
        catch (Exception ex) when (IsUnanswered(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogRulesUnavailable(logger, ex);
            throw new ApiKeyCheckUnavailableException(Dependency, ex);
        }
    }

    private void RefreshInBackground(string cacheKey, string presentedKey)
    {
        if (!refreshing.TryAdd(cacheKey, true))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await AskAndRememberAsync(cacheKey, presentedKey, CancellationToken.None);
            }
            catch (Exception ex) when (IsUnanswered(ex))
            {
                // The last answer stands until it is StaleFor old.
                LogRulesUnavailable(logger, ex);
            }
            finally
            {
                refreshing.TryRemove(cacheKey, out _);
            }
        });
    }

    private async Task<ApiKeyIdentity?> AskAndRememberAsync(string cacheKey, string presentedKey, CancellationToken cancellationToken)
    {
        var identity = await AskAsync(presentedKey, cancellationToken);
        cache.Set(cacheKey, new Answer(identity, clock.GetUtcNow()), options.Value.StaleFor);
        return identity;
    }

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
            _ => throw new KeyCheckFailedException(response.StatusCode),
        };
    }

    private static bool IsUnanswered(Exception ex) =>
        ex is HttpRequestException or KeyCheckFailedException or TaskCanceledException or ExecutionRejectedException;

    /// <summary>Never the key itself as a cache key: a memory dump shows hashes only.</summary>
    private static string CacheKey(string presentedKey) => "api-key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)));

    private sealed record Answer(ApiKeyIdentity? Identity, DateTimeOffset At);

    private sealed class KeyCheckFailedException(HttpStatusCode status) : Exception($"The rules service answered {(int)status} to a key check.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rules service did not answer a key check; known keys keep working for a while")]
    private static partial void LogRulesUnavailable(ILogger logger, Exception exception);
}
