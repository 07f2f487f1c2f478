namespace AutoReply.Domain.Scheduling;

/// <summary>
/// A reply with a delay, waiting for <see cref="DueAt"/>: written with its <c>scheduled</c> decision,
/// deleted with the transaction that sends or cancels it, so it is settled exactly once.
/// </summary>
public sealed class ScheduledReply
{
    public required Guid DecisionId { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the evaluation that scheduled it: the span that settles it links there.</summary>
    public string? TraceParent { get; init; }
}
