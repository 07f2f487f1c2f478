namespace AutoReply.Contracts.Commands;

/// <summary>
/// Deliver one auto-reply text. <see cref="DecisionId"/> is the idempotency key of the send: however
/// often this command is delivered, the contact receives at most one text for it. Only rules sends it.
/// </summary>
/// <param name="DecisionId">The decision that replies; one send per decision id.</param>
/// <param name="EventId">The event the decision is for.</param>
/// <param name="From">The business number the text is sent from, E.164.</param>
/// <param name="To">The contact the text is sent to, E.164.</param>
/// <param name="Body">The rendered text.</param>
/// <param name="DecidedAt">When rules decided to send it.</param>
public sealed record SendAutoReply(
    Guid DecisionId,
    string EventId,
    string From,
    string To,
    string Body,
    DateTimeOffset DecidedAt);
