namespace AutoReply.Contracts.Events;

/// <summary>
/// Something that happened between a business number and a contact. Publish one of the concrete
/// records below; <see cref="EventId"/> is the idempotency key: the same id is evaluated once.
/// </summary>
public interface ICommunicationEvent
{
    /// <summary>
    /// The publisher's id of the event, 1 to 128 characters: the idempotency key. An event id is
    /// decided once, however often it is published.
    /// </summary>
    string EventId { get; }

    /// <summary>The business number, E.164.</summary>
    string PhoneNumber { get; }

    /// <summary>The other party, E.164.</summary>
    string Contact { get; }

    /// <summary>When it happened, with its offset. Business hours are judged at this moment; an event older than the number's <c>maxEventAge</c> when it is evaluated gets no reply.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>A call to the business that nobody answered. May trigger an auto-reply.</summary>
/// <param name="EventId">The idempotency key, 1 to 128 characters.</param>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The other party, E.164.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record CallMissed(string EventId, string PhoneNumber, string Contact, DateTimeOffset OccurredAt) : ICommunicationEvent;

/// <summary>A contact left a voicemail. May trigger an auto-reply.</summary>
/// <param name="EventId">The idempotency key, 1 to 128 characters.</param>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The other party, E.164.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record VoicemailReceived(string EventId, string PhoneNumber, string Contact, DateTimeOffset OccurredAt) : ICommunicationEvent;

/// <summary>A contact texted the business. May trigger an auto-reply; keywords (STOP, START, HELP) are handled.</summary>
/// <param name="EventId">The idempotency key, 1 to 128 characters.</param>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The other party, E.164.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Body">The text the contact sent, if any.</param>
public sealed record MessageReceived(string EventId, string PhoneNumber, string Contact, DateTimeOffset OccurredAt, string? Body) : ICommunicationEvent;

/// <summary>The business called the contact by hand: recent activity, never triggers a reply.</summary>
/// <param name="EventId">The idempotency key, 1 to 128 characters.</param>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The other party, E.164.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record CallPlaced(string EventId, string PhoneNumber, string Contact, DateTimeOffset OccurredAt) : ICommunicationEvent;

/// <summary>The business texted the contact by hand: recent activity, never triggers a reply.</summary>
/// <param name="EventId">The idempotency key, 1 to 128 characters.</param>
/// <param name="PhoneNumber">The business number, E.164.</param>
/// <param name="Contact">The other party, E.164.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record MessageSent(string EventId, string PhoneNumber, string Contact, DateTimeOffset OccurredAt) : ICommunicationEvent;

/// <summary>Each <see cref="EventType"/> and its message, both ways: the one table that maps them.</summary>
public static class CommunicationEvents
{
    /// <summary>The message for an event of <paramref name="type"/>; <paramref name="body"/> is kept for <see cref="EventType.MessageReceived"/> only.</summary>
    /// <param name="type">The event's type.</param>
    /// <param name="eventId">The idempotency key.</param>
    /// <param name="phoneNumber">The business number, E.164.</param>
    /// <param name="contact">The other party, E.164.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="body">The text of a <see cref="EventType.MessageReceived"/>.</param>
    public static ICommunicationEvent Create(EventType type, string eventId, string phoneNumber, string contact, DateTimeOffset occurredAt, string? body) => type switch
    {
        EventType.CallMissed => new CallMissed(eventId, phoneNumber, contact, occurredAt),
        EventType.VoicemailReceived => new VoicemailReceived(eventId, phoneNumber, contact, occurredAt),
        EventType.MessageReceived => new MessageReceived(eventId, phoneNumber, contact, occurredAt, body),
        EventType.CallPlaced => new CallPlaced(eventId, phoneNumber, contact, occurredAt),
        EventType.MessageSent => new MessageSent(eventId, phoneNumber, contact, occurredAt),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an event type."),
    };

    /// <summary>The <see cref="EventType"/> of a message.</summary>
    /// <param name="e">One of the five communication events.</param>
    public static EventType TypeOf(ICommunicationEvent e) => e switch
    {
        CallMissed => EventType.CallMissed,
        VoicemailReceived => EventType.VoicemailReceived,
        MessageReceived => EventType.MessageReceived,
        CallPlaced => EventType.CallPlaced,
        MessageSent => EventType.MessageSent,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a communication event."),
    };
}
