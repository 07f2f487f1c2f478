namespace AutoReply.Domain.Scheduling;

/// <summary>
/// A reply with a delay, waiting for <see cref="DueAt"/>: written with its <c>scheduled</c> decision,
/// deleted with the transaction that sends or cancels it, so it is settled exactly once.
/// </summary>
public sealed class ScheduledReply
{
    public required Guid DecisionId { get; init; }

    public required DateTimeOffset DueAt { get; init; }
}
