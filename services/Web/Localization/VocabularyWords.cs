using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;
using Microsoft.Kiota.Abstractions.Helpers;

namespace AutoReply.Web.Localization;

/// <summary>
/// The rules API's vocabulary (triggers, slots, reasons, outcomes, delivery states, variables) in
/// the page's language, keyed by the API's own names (<c>Reason.cooldown</c>): the API words its
/// choices in English for developers; a business owner reads them here.
/// </summary>
public static class VocabularyWords
{
    public static string Trigger(IStringLocalizer t, Trigger? trigger) => Word(t, "Trigger", trigger);

    /// <summary>"Missed calls outside business hours": when an auto-reply applies.</summary>
    public static string Slot(IStringLocalizer t, Trigger? trigger, Schedule? schedule) =>
        trigger is { } kind && schedule is { } hours ? t[$"Slot.{Name(kind)}.{Name(hours)}"] : "";

    /// <summary>Why a contact got no reply, in a sentence.</summary>
    public static string Reason(IStringLocalizer t, SuppressionReason? reason) => Word(t, "Reason", reason);

    /// <summary>The rule behind a reason, as the list of checks names it ("Cooldown").</summary>
    public static string Rule(IStringLocalizer t, SuppressionReason? reason) => Word(t, "Rule", reason);

    /// <summary>What a rule found when it let a reply through ("The contact has not opted out.").</summary>
    public static string Passed(IStringLocalizer t, SuppressionReason? reason) => Word(t, "Passed", reason);

    public static string Verdict(IStringLocalizer t, RuleVerdict? verdict) => Word(t, "Verdict", verdict);

    public static string Outcome(IStringLocalizer t, Outcome? outcome) => t[outcome switch
    {
        RulesApi.Models.Outcome.Sent => "Outcome.sent",
        RulesApi.Models.Outcome.Scheduled => "Outcome.scheduled",
        RulesApi.Models.Outcome.Cancelled => "Outcome.cancelled",
        _ => "Outcome.suppressed",
    }];

    /// <summary>Where a sent reply is; "being sent" until the provider says more.</summary>
    public static string Delivery(IStringLocalizer t, DeliveryState? state) => t[$"Delivery.{Name(state ?? DeliveryState.Sending)}"];

    /// <summary>What a message variable (<c>{business_name}</c>) becomes when the text is sent.</summary>
    public static string Variable(IStringLocalizer t, string? variable) => t[$"Variable.{variable?.Trim('{', '}')}"];

    private static string Word<TEnum>(IStringLocalizer t, string kind, TEnum? value) where TEnum : struct, Enum =>
        value is { } known ? t[$"{kind}.{Name(known)}"] : "";

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => EnumHelpers.GetEnumStringValue(value) ?? value.ToString();
}
