namespace AutoReply.Rules.Decisions;

/// <summary>
/// What AutoReply did with one evaluated event, and why: exactly one per event id (a unique
/// index enforces it). For a <c>sent</c> decision it also carries the send's delivery state as
/// the sender reports it.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    public string? Trigger { get; init; }

    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    public Guid? AutoReplyId { get; init; }

    /// <summary>The rendered text, for a <c>sent</c> decision.</summary>
    public string? Message { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>
    /// Set once the send command is confirmed on the bus. A redelivered event whose decision lacks
    /// it publishes the command again (the sender de-duplicates by decision id).
    /// </summary>
    public DateTimeOffset? CommandPublishedAt { get; set; }

    public string? SendState { get; set; }

    public string? SendErrorCode { get; set; }

    public string? SendError { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset? SendStateChangedAt { get; set; }

    public uint Version { get; set; }
}

public static class Outcomes
{
    public const string Sent = "sent";
    public const string Suppressed = "suppressed";
}

/// <summary>Why an event got no auto-reply (the decision log; docs/behaviour.md).</summary>
public static class SuppressionReasons
{
    public const string NoAutoReply = "no_auto_reply";
    public const string Cooldown = "cooldown";
    public const string RecentActivity = "recent_activity";
    public const string OptedOut = "opted_out";
    public const string Stale = "stale";
    public const string UnknownNumber = "unknown_number";
    public const string Keyword = "keyword";
}
