using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;
using Microsoft.Kiota.Abstractions.Helpers;

namespace AutoReply.Web.Localization;

/// <summary>
/// The languages a number's replies can be written in, as the rules API names them (<c>en</c>,
/// <c>fr</c>): not the page's language (<see cref="Languages"/>), though the two share their names.
/// </summary>
public static class ReplyLanguages
{
    public static readonly string[] All = [.. Enum.GetValues<ReplyLanguage>().Select(language => Name(language))];

    public static string Name(ReplyLanguage? language) => language is { } known ? EnumHelpers.GetEnumStringValue(known) ?? "" : "";

    /// <summary>"French" in the page's language ("français").</summary>
    public static string Describe(IStringLocalizer t, string? language) => string.IsNullOrEmpty(language) ? "" : t[$"Language.{language}"];

    public static string Describe(IStringLocalizer t, ReplyLanguage? language) => Describe(t, Name(language));

    /// <summary>"In French, the contact's language.": which language a reply went out in, and why; empty for a decision without one.</summary>
    public static string Why(IStringLocalizer t, ReplyLanguage? language, LanguageReason? reason) =>
        language is null || reason is not { } known ? "" : t[$"Activity.Language.{EnumHelpers.GetEnumStringValue(known)}", Describe(t, language)];

    /// <summary>The language a number's messages are not written in: the one a translation is for.</summary>
    public static string Other(string numberLanguage) => All.First(language => language != numberLanguage);
}
