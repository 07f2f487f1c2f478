using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>What happened between a business number and a contact; each has its bus message in <c>Events/</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventType>))]
public enum EventType
{
    /// <summary>A call to the business nobody answered.</summary>
    [JsonStringEnumMemberName("call.missed")] CallMissed,
    /// <summary>The contact left a voicemail.</summary>
    [JsonStringEnumMemberName("voicemail.received")] VoicemailReceived,
    /// <summary>The contact texted the business.</summary>
    [JsonStringEnumMemberName("message.received")] MessageReceived,
    /// <summary>The business called the contact by hand.</summary>
    [JsonStringEnumMemberName("call.placed")] CallPlaced,
    /// <summary>The business texted the contact by hand.</summary>
    [JsonStringEnumMemberName("message.sent")] MessageSent,
}

/// <summary>What makes an auto-reply fire: the inbound event types, one slot row each.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Trigger>))]
public enum Trigger
{
    /// <summary>Fired by <see cref="EventType.CallMissed"/>.</summary>
    [JsonStringEnumMemberName("missed_call")] MissedCall,
    /// <summary>Fired by <see cref="EventType.VoicemailReceived"/>.</summary>
    [JsonStringEnumMemberName("voicemail")] Voicemail,
    /// <summary>Fired by <see cref="EventType.MessageReceived"/>.</summary>
    [JsonStringEnumMemberName("message")] Message,
}

/// <summary>When an auto-reply applies, judged at the moment the event happened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Schedule>))]
public enum Schedule
{
    /// <summary>Within the number's business hours.</summary>
    [JsonStringEnumMemberName("business_hours")] BusinessHours,
    /// <summary>Outside the number's business hours.</summary>
    [JsonStringEnumMemberName("after_hours")] AfterHours,
}

/// <summary>How event types and triggers correspond.</summary>
public static class EventTypes
{
    /// <summary>The trigger an inbound event fires; none for what the business did by hand (recent activity).</summary>
    /// <param name="type">An event type.</param>
    public static Trigger? TriggerOf(this EventType type) => type switch
    {
        EventType.CallMissed => Trigger.MissedCall,
        EventType.VoicemailReceived => Trigger.Voicemail,
        EventType.MessageReceived => Trigger.Message,
        _ => null,
    };

    /// <summary>The inbound event type that fires <paramref name="trigger"/>.</summary>
    /// <param name="trigger">A trigger.</param>
    public static EventType InboundOf(Trigger trigger) => trigger switch
    {
        Trigger.MissedCall => EventType.CallMissed,
        Trigger.Voicemail => EventType.VoicemailReceived,
        _ => EventType.MessageReceived,
    };
}
