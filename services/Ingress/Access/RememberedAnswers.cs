using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Polly;

namespace AutoReply.Ingress.Access;

/// <summary>
/// The rules service's answers to ingress's questions (who is this key, may it post for this
/// number), remembered: an answer is used at once; once older than <see cref="KeyCheckOptions.FreshFor"/>
/// it is asked again in the background, one request per question at a time; while rules does not
/// answer, the last answer stands for <see cref="KeyCheckOptions.StaleFor"/>. Written here because
/// that stale-while-revalidate rule is not what IMemoryCache or HybridCache do.
/// </summary>
public sealed partial class RememberedAnswers(IMemoryCache cache, TimeProvider clock, IOptions<KeyCheckOptions> options, ILogger<RememberedAnswers> logger)
{
    private readonly ConcurrentDictionary<string, bool> asking = new();

    /// <summary>The remembered answer, if any; an old one is asked again in the background.</summary>
    public bool TryRecall<T>(string question, Func<CancellationToken, Task<T>> ask, out T answer)
    {
        if (!cache.TryGetValue<Answer<T>>(question, out var known) || known is null)
        {
            answer = default!;
            return false;
        }
        if (clock.GetUtcNow() - known.At >= options.Value.FreshFor)
        {
            AskInBackground(question, ask);
        }
        answer = known.Value;
        return true;
    }

    /// <summary>Asks now and remembers the answer.</summary>
    public async Task<T> AskAsync<T>(string question, Func<CancellationToken, Task<T>> ask, CancellationToken cancellationToken)
    {
        var value = await ask(cancellationToken);
        cache.Set(question, new Answer<T>(value, clock.GetUtcNow()), options.Value.StaleFor);
        return value;
    }

    /// <summary>Asks without waiting for the answer; a question already being asked is not asked twice.</summary>
    public void AskInBackground<T>(string question, Func<CancellationToken, Task<T>> ask)
    {
        if (!asking.TryAdd(question, true))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await AskAsync(question, ask, CancellationToken.None);
            }
            catch (Exception ex) when (IsUnanswered(ex))
            {
                LogRulesUnavailable(logger, ex);
            }
            finally
            {
                asking.TryRemove(question, out _);
            }
        });
    }

    /// <summary>Rules did not answer (down, slow, or failing): not a refusal.</summary>
    public static bool IsUnanswered(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or ExecutionRejectedException or UnexpectedAnswerException;

    private sealed record Answer<T>(T Value, DateTimeOffset At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The rules service did not answer ingress; what it said last stands for a while")]
    private static partial void LogRulesUnavailable(ILogger logger, Exception exception);
}

/// <summary>Rules answered with a status that is neither yes nor no.</summary>
public sealed class UnexpectedAnswerException(System.Net.HttpStatusCode status) : Exception($"The rules service answered {(int)status}.");
