using AutoReply.Contracts;

namespace AutoReply.Rules.Decisions;

/// <summary>
/// What AutoReply did with one evaluated event, and why: exactly one per event id within a
/// workspace (a unique index enforces it). For a <c>sent</c> decision it also carries the send's delivery state as
/// the sender reports it.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; init; }

    public required string EventId { get; init; }

    /// <summary>
    /// Whose decision it is: the workspace that submitted the event, or else the number's owner,
    /// or else (an event from inside the platform about a number no workspace owns) the default workspace.
    /// </summary>
    public required Guid WorkspaceId { get; init; }

    public required EventType EventType { get; init; }

    public required string PhoneNumber { get; init; }

    public required string Contact { get; init; }

    public Trigger? Trigger { get; init; }

    public required Outcome Outcome { get; init; }

    public SuppressionReason? Reason { get; init; }

    public Guid? AutoReplyId { get; init; }

    /// <summary>The rendered text, for a <c>sent</c> decision.</summary>
    public string? Message { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    public DeliveryState? SendState { get; set; }

    public string? SendErrorCode { get; set; }

    public string? SendError { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset? SendStateChangedAt { get; set; }

    public uint Version { get; set; }
}
