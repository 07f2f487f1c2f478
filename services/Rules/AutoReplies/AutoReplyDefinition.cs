namespace AutoReply.Rules.AutoReplies;

/// <summary>
/// An active auto-reply: the text one slot of a number sends. A number has six slots, one per
/// trigger and schedule; deleting the row is what stops the auto-reply.
/// </summary>
public sealed class AutoReplyDefinition
{
    public Guid Id { get; init; }

    public required string PhoneNumber { get; init; }

    public required string Trigger { get; init; }

    public required string Schedule { get; init; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What makes an auto-reply fire (<c>trigger</c> in docs/http-api.md).</summary>
public static class Triggers
{
    public const string MissedCall = "missed_call";
    public const string Voicemail = "voicemail";
    public const string Message = "message";

    public static readonly string[] All = [MissedCall, Voicemail, Message];

    public static string Describe(string trigger) => trigger switch
    {
        MissedCall => "Missed calls",
        Voicemail => "New voicemails",
        Message => "Incoming text messages",
        _ => trigger,
    };
}

/// <summary>When an auto-reply applies (<c>schedule</c> in docs/http-api.md).</summary>
public static class Schedules
{
    public const string BusinessHours = "business_hours";
    public const string AfterHours = "after_hours";

    public static readonly string[] All = [BusinessHours, AfterHours];

    public static string Describe(string schedule) => schedule == BusinessHours ? "during business hours" : "outside business hours";

    public static string At(bool open) => open ? BusinessHours : AfterHours;
}
