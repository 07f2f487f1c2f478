using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>What rules decided for an inbound event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("suppressed")] Suppressed,

    /// <summary>A reply with a delay, waiting for its due time; it becomes <see cref="Sent"/> or <see cref="Cancelled"/>.</summary>
    [JsonStringEnumMemberName("scheduled")] Scheduled,

    /// <summary>A scheduled reply that did not go out: the business answered first, or its reason changed meanwhile.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

/// <summary>Why an event got no auto-reply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuppressionReason>))]
public enum SuppressionReason
{
    [JsonStringEnumMemberName("no_auto_reply")] NoAutoReply,
    [JsonStringEnumMemberName("cooldown")] Cooldown,
    [JsonStringEnumMemberName("recent_activity")] RecentActivity,
    [JsonStringEnumMemberName("opted_out")] OptedOut,
    [JsonStringEnumMemberName("stale")] Stale,
    [JsonStringEnumMemberName("unknown_number")] UnknownNumber,
    [JsonStringEnumMemberName("keyword")] Keyword,

    /// <summary>The contact's events arrive faster than a person could produce them: another automated system, most likely.</summary>
    [JsonStringEnumMemberName("loop_guard")] LoopGuard,

    /// <summary>The number or its workspace has sent its daily allowance of texts.</summary>
    [JsonStringEnumMemberName("budget")] Budget,
}

/// <summary>How a contact opted out of a number's texts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptOutSource>))]
public enum OptOutSource
{
    /// <summary>The contact texted STOP (or another opt-out keyword) to the number.</summary>
    [JsonStringEnumMemberName("keyword")] Keyword,

    /// <summary>The provider refused a send with 21610: the contact had replied STOP to the carrier.</summary>
    [JsonStringEnumMemberName("provider")] Provider,
}
