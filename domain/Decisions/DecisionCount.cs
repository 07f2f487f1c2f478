using AutoReply.Contracts;

namespace AutoReply.Domain.Decisions;

/// <summary>
/// How many of one number's events that happened in one UTC hour got one outcome (and reason), and how
/// many of those replies were delivered: the aggregate the summary reads instead of counting decisions.
/// Hours in UTC let a summary add them up into the local days of any time zone.
/// </summary>
public sealed class DecisionCount
{
    /// <summary>What a key column holds for a decision without a reason (a key column cannot be null).</summary>
    public const string NoReason = "";

    public required Guid WorkspaceId { get; init; }

    public required string PhoneNumber { get; init; }

    /// <summary>The UTC hour the events happened in (their <see cref="Decision.OccurredAt"/>, truncated).</summary>
    public required DateTimeOffset Hour { get; init; }

    public required EventType EventType { get; init; }

    public required Outcome Outcome { get; init; }

    /// <summary>The <see cref="SuppressionReason"/>'s name, or <see cref="NoReason"/>.</summary>
    public required string Reason { get; init; }

    public int Count { get; init; }

    /// <summary>Of a <c>sent</c> count, the replies whose delivery state became <c>delivered</c>.</summary>
    public int Delivered { get; init; }
}
