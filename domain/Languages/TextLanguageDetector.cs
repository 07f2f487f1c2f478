using AutoReply.Contracts;
using Lingua;

namespace AutoReply.Domain.Languages;

/// <summary>
/// Tells the language of a contact's text, if it can be told: Lingua, which is made for texts as
/// short as an SMS, choosing between the languages replies can be written in only.
/// </summary>
public sealed class TextLanguageDetector
{
    /// <summary>
    /// How much likelier the first language must be than the second: below it, a text such as
    /// "ok", "Hi" or a name is told as no language rather than guessed.
    /// </summary>
    private const double MinimumRelativeDistance = 0.1;

    // Loaded once, up front: the first text of a busy number should not wait for a model to load.
    private readonly LanguageDetector detector = LanguageDetectorBuilder
        .FromLanguages(Language.English, Language.French)
        .WithMinimumRelativeDistance(MinimumRelativeDistance)
        .WithPreloadedLanguageModels()
        .Build();

    public ReplyLanguage? LanguageOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : detector.DetectLanguageOf(text) switch
        {
            Language.English => ReplyLanguage.English,
            Language.French => ReplyLanguage.French,
            _ => null,
        };
}
