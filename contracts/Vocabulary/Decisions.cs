using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>What rules decided for an inbound event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    /// <summary>An auto-reply was sent (handed to the sender).</summary>
    [JsonStringEnumMemberName("sent")] Sent,
    /// <summary>No auto-reply, for the <see cref="SuppressionReason"/> the decision records.</summary>
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
    /// <summary>The slot for the event's trigger, at the moment it happened, has no auto-reply.</summary>
    [JsonStringEnumMemberName("no_auto_reply")] NoAutoReply,
    /// <summary>The contact already got an auto-reply from this number within the cooldown.</summary>
    [JsonStringEnumMemberName("cooldown")] Cooldown,
    /// <summary>The business called or texted the contact by hand recently.</summary>
    [JsonStringEnumMemberName("recent_activity")] RecentActivity,
    /// <summary>The contact opted out of texts from this number.</summary>
    [JsonStringEnumMemberName("opted_out")] OptedOut,
    /// <summary>The event was older than the number's <c>maxEventAge</c> when it was evaluated.</summary>
    [JsonStringEnumMemberName("stale")] Stale,
    /// <summary>The business number has no settings, or belongs to another workspace than the one that submitted the event.</summary>
    [JsonStringEnumMemberName("unknown_number")] UnknownNumber,
    /// <summary>The text was a keyword (STOP, START, HELP…), answered as such.</summary>
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

/// <summary>A language an auto-reply can be written in, and a contact's texts can be told to be in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplyLanguage>))]
public enum ReplyLanguage
{
    /// <summary>English (ISO 639-1 <c>en</c>).</summary>
    [JsonStringEnumMemberName("en")] English,
    /// <summary>French (ISO 639-1 <c>fr</c>).</summary>
    [JsonStringEnumMemberName("fr")] French,
}

/// <summary>Why a reply went out in the language it did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LanguageReason>))]
public enum LanguageReason
{
    /// <summary>The contact's last text that could be told was in this language, and the auto-reply has a message in it.</summary>
    [JsonStringEnumMemberName("contact_language")] ContactLanguage,
    /// <summary>No text of the contact's could be told: the number's language.</summary>
    [JsonStringEnumMemberName("contact_language_unknown")] ContactLanguageUnknown,
    /// <summary>The contact writes in a language the auto-reply has no message in: the number's language.</summary>
    [JsonStringEnumMemberName("no_message_in_contact_language")] NoMessageInContactLanguage,
}
