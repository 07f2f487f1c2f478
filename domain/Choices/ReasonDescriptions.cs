using AutoReply.Contracts;

namespace AutoReply.Domain.Choices;

/// <summary>Each rule that can stop a reply: its name, and why a contact got no reply in a business owner's words.</summary>
public static class ReasonDescriptions
{
    /// <summary>The rule's name, as a list of the checks an event went through shows it.</summary>
    public static string RuleName(SuppressionReason reason) => reason switch
    {
        SuppressionReason.Keyword => "Keyword",
        SuppressionReason.UnknownNumber => "Number set up",
        SuppressionReason.Stale => "On time",
        SuppressionReason.OptedOut => "Opt-out",
        SuppressionReason.NoAutoReply => "Auto-reply for the slot",
        SuppressionReason.RecentActivity => "Recent activity",
        SuppressionReason.LoopGuard => "Loop guard",
        SuppressionReason.Cooldown => "Cooldown",
        SuppressionReason.Budget => "Daily budget",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string Describe(SuppressionReason reason) => reason switch
    {
        SuppressionReason.NoAutoReply => "No auto-reply was set up for this kind of event at that time of day (or it was deleted).",
        SuppressionReason.Cooldown => "This contact had already got an auto-reply from this number within its cooldown.",
        SuppressionReason.RecentActivity => "Your team called or texted this contact, so no auto-reply was needed.",
        SuppressionReason.OptedOut => "The contact had opted out of texts from this number (they replied STOP).",
        SuppressionReason.Stale => "The call or text reached AutoReply too late to reply to it.",
        SuppressionReason.UnknownNumber => "The number was not set up in AutoReply (or was removed).",
        SuppressionReason.Keyword => "The text was a keyword such as STOP, START or HELP, which the carrier's rules answer, not an auto-reply.",
        SuppressionReason.LoopGuard => "Calls or texts from this contact came faster than a person makes them (another automated system, most likely).",
        SuppressionReason.Budget => "The number or the workspace had sent its allowance of texts for the day.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
