using AutoReply.Contracts;

namespace AutoReply.Domain.Decisions;

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

    /// <summary>Set once, except that a <c>scheduled</c> reply becomes <c>sent</c> or <c>cancelled</c> at its due time.</summary>
    public required Outcome Outcome { get; set; }

    /// <summary>Why no reply: for <c>suppressed</c> and <c>cancelled</c>.</summary>
    public SuppressionReason? Reason { get; set; }

    public Guid? AutoReplyId { get; init; }

    /// <summary>The rendered text, for a <c>sent</c> decision.</summary>
    public string? Message { get; init; }

    /// <summary>The language of <see cref="Message"/>, for a reply.</summary>
    public ReplyLanguage? Language { get; init; }

    public LanguageReason? LanguageReason { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>When a reply with a delay is due: set for <c>scheduled</c>, and kept once it is sent or cancelled.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public DeliveryState? SendState { get; set; }

    public string? SendErrorCode { get; set; }

    public string? SendError { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset? SendStateChangedAt { get; set; }

    public uint Version { get; set; }
}
