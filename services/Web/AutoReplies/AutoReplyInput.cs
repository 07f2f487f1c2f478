using AutoReply.Web.Localization;

namespace AutoReply.Web.AutoReplies;

/// <summary>A message in another language than the number's (<see cref="Language"/>: <c>en</c>, <c>fr</c>).</summary>
public sealed record TranslationText(string Language, string Message);

/// <summary>
/// The auto-reply form as posted: its message in the number's language, the same message in the
/// other language (empty: none) and its delay (the slot is in the page's address, and fixed once created).
/// </summary>
public sealed class AutoReplyInput
{
    /// <summary>The form's field naming the translation's language, for the live preview (the page knows it from the number).</summary>
    public const string TranslationLanguageField = "TranslationLanguage";

    public string Message { get; set; } = "";

    public string Translation { get; set; } = "";

    public string Delay { get; set; } = "";

    /// <summary>The translations to save for a number whose messages are in <paramref name="numberLanguage"/>.</summary>
    public List<TranslationText> Translations(string numberLanguage) =>
        string.IsNullOrWhiteSpace(Translation) ? [] : [new TranslationText(ReplyLanguages.Other(numberLanguage), Translation)];
}
