using AutoReply.Contracts;

namespace AutoReply.Web.Activity;

/// <summary>A decision as a business owner reads it: what happened, and why a contact did or did not get a reply.</summary>
public static class DecisionWords
{
    public static string Trigger(Trigger trigger) => trigger switch
    {
        Contracts.Trigger.MissedCall => "Missed call",
        Contracts.Trigger.Voicemail => "Voicemail",
        _ => "Text message",
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Contracts.Outcome.Sent => "Replied",
        Contracts.Outcome.Scheduled => "Reply scheduled",
        Contracts.Outcome.Cancelled => "Reply cancelled",
        _ => "No reply",
    };

    public static string Reason(SuppressionReason reason) => reason switch
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
        _ => "",
    };

    public static string Delivery(DeliveryState? state) => state switch
    {
        null => "Being sent",
        DeliveryState.Queued => "Queued at the carrier",
        DeliveryState.Sent => "Sent to the carrier",
        DeliveryState.Delivered => "Delivered",
        DeliveryState.Undelivered => "Not delivered",
        DeliveryState.Failed => "Failed",
        _ => "Being sent",
    };
}
