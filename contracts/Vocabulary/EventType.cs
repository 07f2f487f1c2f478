using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>What happened between a business number and a contact; each has its bus message in <c>Events/</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventType>))]
public enum EventType
{
    [JsonStringEnumMemberName("call.missed")] CallMissed,
    [JsonStringEnumMemberName("voicemail.received")] VoicemailReceived,
    [JsonStringEnumMemberName("message.received")] MessageReceived,
    [JsonStringEnumMemberName("call.placed")] CallPlaced,
    [JsonStringEnumMemberName("message.sent")] MessageSent,
}

/// <summary>What makes an auto-reply fire: the inbound event types, one slot row each.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Trigger>))]
public enum Trigger
{
    [JsonStringEnumMemberName("missed_call")] MissedCall,
    [JsonStringEnumMemberName("voicemail")] Voicemail,
    [JsonStringEnumMemberName("message")] Message,
}

/// <summary>When an auto-reply applies, judged at the moment the event happened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Schedule>))]
public enum Schedule
{
    [JsonStringEnumMemberName("business_hours")] BusinessHours,
    [JsonStringEnumMemberName("after_hours")] AfterHours,
}

public static class EventTypes
{
    /// <summary>The trigger an inbound event fires; none for what the business did by hand (recent activity).</summary>
    public static Trigger? TriggerOf(this EventType type) => type switch
    {
        EventType.CallMissed => Trigger.MissedCall,
        EventType.VoicemailReceived => Trigger.Voicemail,
        EventType.MessageReceived => Trigger.Message,
        _ => null,
    };

    /// <summary>The inbound event type that fires <paramref name="trigger"/>.</summary>
    public static EventType InboundOf(Trigger trigger) => trigger switch
    {
        Trigger.MissedCall => EventType.CallMissed,
        Trigger.Voicemail => EventType.VoicemailReceived,
        _ => EventType.MessageReceived,
    };
}
