namespace AutoReply.SmsSandbox;

/// <summary>
/// How the sandbox misbehaves, set by tests and drills through <c>/sandbox/faults</c>. The default
/// misbehaves in no way.
/// </summary>
public sealed partial record FaultSettings
{
    public const int MaxLatencyMs = 300_000;

    public static FaultSettings None { get; } = new();

    /// <summary>The share of sends (0 to 1) answered with <see cref="FailureStatus"/> instead of being accepted.</summary>
    public double FailureRate { get; init; }

    public int FailureStatus { get; init; } = StatusCodes.Status500InternalServerError;

    /// <summary>How long every send waits before it is answered.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Sent as <c>Retry-After</c> with injected 429 and 503 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Recipients (E.164) whose sends are refused with the given provider error code.</summary>
    public IReadOnlyDictionary<string, int> RecipientErrors { get; init; } = new Dictionary<string, int>();

    /// <summary>Recipients (E.164) whose sends are accepted but never delivered, ending with the given error code.</summary>
    public IReadOnlyDictionary<string, int> DeliveryFailures { get; init; } = new Dictionary<string, int>();

    public bool ShouldFail() => FailureRate > 0 && Random.Shared.NextDouble() < FailureRate;
}
