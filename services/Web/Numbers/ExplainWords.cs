using AutoReply.Web.Activity;
using AutoReply.Web.Localization;
using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>
/// What each rule found when a number was tested, in an owner's words and language: the API's own
/// detail is for developers (ISO durations and timestamps, event ids), so the sentence is made here
/// from the rule, its verdict, the moment it is about and the number's settings.
/// </summary>
public static class ExplainWords
{
    public static string Detail(IStringLocalizer t, RuleCheck check, Explanation explanation, NumberSettingsResponse settings)
    {
        var at = check.At is { } moment ? NumberTime.Describe(moment, settings.TimeZone, NumberTime.DayAndTime) : "";
        var slot = VocabularyWords.Slot(t, explanation.Slot?.Trigger, explanation.Slot?.Schedule).ToLower(System.Globalization.CultureInfo.CurrentCulture);
        return (check.Rule, check.Verdict) switch
        {
            (_, RuleVerdict.Not_reached) => t["Explain.NotReached"],
            (SuppressionReason.Keyword, RuleVerdict.Passed) => t[explanation.Slot?.Trigger == Trigger.Message ? "Explain.Keyword.Passed" : "Explain.Keyword.NotAText"],
            (SuppressionReason.Stale, RuleVerdict.Passed) => t["Explain.Stale.Passed", DurationWords.Describe(t, settings.MaxEventAge)],
            (SuppressionReason.Stale, _) => t["Explain.Stale.Suppressed", DurationWords.Describe(t, settings.MaxEventAge)],
            (SuppressionReason.No_auto_reply, RuleVerdict.Passed) => t["Explain.NoAutoReply.Passed", slot],
            (SuppressionReason.No_auto_reply, _) => t["Explain.NoAutoReply.Suppressed", slot],
            (SuppressionReason.Recent_activity, RuleVerdict.Passed) when check.At is null => t["Explain.RecentActivity.None", DurationWords.Describe(t, settings.RecentActivityWindow)],
            (SuppressionReason.Recent_activity, RuleVerdict.Passed) => t["Explain.RecentActivity.Before", at, DurationWords.Describe(t, settings.RecentActivityWindow)],
            (SuppressionReason.Recent_activity, _) => t["Explain.RecentActivity.Within", at, DurationWords.Describe(t, settings.RecentActivityWindow)],
            (SuppressionReason.Cooldown, RuleVerdict.Passed) when check.At is null => t["Explain.Cooldown.None"],
            (SuppressionReason.Cooldown, RuleVerdict.Passed) => t["Explain.Cooldown.Ended", at],
            (SuppressionReason.Cooldown, _) => t["Explain.Cooldown.Holds", DurationWords.Describe(t, settings.Cooldown), at],
            (var rule, RuleVerdict.Passed) => VocabularyWords.Passed(t, rule),
            (var rule, _) => VocabularyWords.Reason(t, rule),
        };
    }

    /// <summary>The language the reply would go out in, and why, in the owner's words.</summary>
    public static string Language(IStringLocalizer t, Explanation explanation, NumberSettingsResponse settings)
    {
        if (explanation.Language is not { } chosen)
        {
            return "";
        }
        var language = ReplyLanguages.Describe(t, chosen.Language);
        var contactLanguage = ReplyLanguages.Describe(t, chosen.ContactLanguage);
        return chosen.Reason switch
        {
            // The tested text itself told the contact's language.
            LanguageReason.Contact_language when chosen.ContactTextAt == explanation.At => t["Test.Language.ThisText", language],
            LanguageReason.Contact_language => t["Test.Language.contact_language", language,
                chosen.ContactTextAt is { } at ? NumberTime.Describe(at, settings.TimeZone, NumberTime.DayAndTime) : ""],
            LanguageReason.No_message_in_contact_language => t["Test.Language.no_message_in_contact_language", language, contactLanguage],
            _ => t["Test.Language.contact_language_unknown", language],
        };
    }
}
