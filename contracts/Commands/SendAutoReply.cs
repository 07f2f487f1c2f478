namespace AutoReply.Contracts.Commands;

/// <summary>
/// Deliver one auto-reply text. <see cref="DecisionId"/> is the idempotency key of the send: however
/// often this command is delivered, the contact receives at most one text for it.
/// </summary>
public sealed record SendAutoReply(
    Guid DecisionId,
    string EventId,
    string From,
    string To,
    string Body,
    DateTimeOffset DecidedAt);
