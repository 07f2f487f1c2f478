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
    /// "Taxi", "OK merci" or a name is told as no language rather than guessed (measured on short
    /// texts in both languages: 0.1 guesses those, 0.3 loses "Merci" and "C'est pour un devis").
    /// </summary>
    private const double MinimumRelativeDistance = 0.2;

    /// <summary>"ok" is written in both languages; "oui" and "yes" already say something.</summary>
    private const int MinimumLetters = 3;

    // Loaded once, up front: the first text of a busy number should not wait for a model to load.
    private readonly LanguageDetector detector = LanguageDetectorBuilder
        .FromLanguages(Language.English, Language.French)
        .WithMinimumRelativeDistance(MinimumRelativeDistance)
        .WithPreloadedLanguageModels()
        .Build();

    public ReplyLanguage? LanguageOf(string? text) =>
        text is null || text.Count(char.IsLetter) < MinimumLetters ? null : detector.DetectLanguageOf(text) switch
        {
            Language.English => ReplyLanguage.English,
            Language.French => ReplyLanguage.French,
            _ => null,
        };
}

/// <summary>
/// Loads the detector's models (about 1 s and 70 MB) as the service starts, in the background,
/// rather than in the first batch of events after a deploy.
/// </summary>
internal sealed class TextLanguageDetectorPreload(IServiceProvider services) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => services.GetService(typeof(TextLanguageDetector)), stoppingToken);
}
