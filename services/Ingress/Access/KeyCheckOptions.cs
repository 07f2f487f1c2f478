using System.ComponentModel.DataAnnotations;
using ZiggyCreatures.Caching.Fusion;

namespace AutoReply.Ingress.Access;

/// <summary>The <c>KeyCheck</c> section: how ingress checks workspaces' keys with the rules service.</summary>
public sealed class KeyCheckOptions
{
    public const string Section = "KeyCheck";

    /// <summary>After rules failed to answer, how long the remembered answer is used before rules is asked again.</summary>
    private static readonly TimeSpan RetryUnansweredAfter = TimeSpan.FromSeconds(5);

    private FusionCacheEntryOptions? answers;

    /// <summary>The rules service, by its service-discovery name.</summary>
    [Required]
    public Uri RulesUrl { get; set; } = new("http://rules-api");

    /// <summary>How long an answer stands before ingress asks again: the longest a revoked key still works here.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request waits for rules' new answer once the last one is no longer fresh; past it, the last one is used.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a known key keeps working while the rules service does not answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StaleFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How rules' answers are remembered (FusionCache's fail-safe with a soft timeout): fresh for
    /// <see cref="FreshFor"/>; then the next question waits up to <see cref="AnswerWait"/> for rules'
    /// new answer, and the last one is used only while rules fails or is slower, for <see cref="StaleFor"/> at most.
    /// </summary>
    public FusionCacheEntryOptions Answers => answers ??= new FusionCacheEntryOptions
    {
        Duration = FreshFor,
        IsFailSafeEnabled = true,
        FailSafeMaxDuration = StaleFor,
        FailSafeThrottleDuration = RetryUnansweredAfter,
        FactorySoftTimeout = AnswerWait,
        // A request behind another one's question to rules waits no longer than the asker does.
        LockTimeout = AnswerWait,
        AllowTimedOutFactoryBackgroundCompletion = true,
        AllowStaleOnReadOnly = true,
    };
}
