using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.Activity;

/// <summary>
/// A decision as a business owner reads it: what came of it and where its text is. What happened
/// and why a contact got no reply are the API's words (<see cref="SettingsChoices"/>).
/// </summary>
public static class DecisionWords
{
    public static string Trigger(SettingsChoices choices, Trigger? trigger) =>
        choices.Triggers?.FirstOrDefault(choice => choice.Trigger == trigger)?.Name ?? "";

    public static string Reason(SettingsChoices choices, SuppressionReason? reason) =>
        choices.Reasons?.FirstOrDefault(choice => choice.Reason == reason)?.Words ?? "";

    public static string Rule(SettingsChoices choices, SuppressionReason? reason) =>
        choices.Reasons?.FirstOrDefault(choice => choice.Reason == reason)?.Rule ?? "";

    public static string Outcome(Outcome? outcome) => outcome switch
    {
        RulesApi.Models.Outcome.Sent => "Replied",
        RulesApi.Models.Outcome.Scheduled => "Reply scheduled",
        RulesApi.Models.Outcome.Cancelled => "Reply cancelled",
        _ => "No reply",
    };

    public static string Delivery(DeliveryState? state) => state switch
    {
        DeliveryState.Queued => "Queued at the carrier",
        DeliveryState.Sent => "Sent to the carrier",
        DeliveryState.Delivered => "Delivered",
        DeliveryState.Undelivered => "Not delivered",
        DeliveryState.Failed => "Failed",
        _ => "Being sent",
    };
}
