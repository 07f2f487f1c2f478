using AutoReply.Contracts.Events;

namespace AutoReply.Ingress.Events;

/// <summary>The event types of <c>POST /v1/events</c> and the bus message each one becomes.</summary>
public static class EventTypes
{
    public const string CallMissed = "call.missed";
    public const string VoicemailReceived = "voicemail.received";
    public const string MessageReceived = "message.received";
    public const string CallPlaced = "call.placed";
    public const string MessageSent = "message.sent";

    public static readonly IReadOnlyList<string> All = [CallMissed, VoicemailReceived, MessageReceived, CallPlaced, MessageSent];

    public static ICommunicationEvent ToMessage(ValidEvent e) => e.Type switch
    {
        CallMissed => new CallMissed(e.Id, e.PhoneNumber, e.Contact, e.OccurredAt),
        VoicemailReceived => new VoicemailReceived(e.Id, e.PhoneNumber, e.Contact, e.OccurredAt),
        MessageReceived => new MessageReceived(e.Id, e.PhoneNumber, e.Contact, e.OccurredAt, e.Body),
        CallPlaced => new CallPlaced(e.Id, e.PhoneNumber, e.Contact, e.OccurredAt),
        MessageSent => new MessageSent(e.Id, e.PhoneNumber, e.Contact, e.OccurredAt),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type, "Unknown event type."),
    };
}
