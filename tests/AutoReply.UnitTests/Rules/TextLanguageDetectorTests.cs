using AutoReply.Contracts;
using AutoReply.Domain.Languages;

namespace AutoReply.UnitTests.Rules;

/// <summary>Telling the language of texts as short as contacts send them, and not guessing when it cannot be told.</summary>
public sealed class TextLanguageDetectorTests
{
    private static readonly TextLanguageDetector Detector = new();

    [Theory]
    [InlineData("Bonjour, vous êtes ouverts demain ?")]
    [InlineData("Je voudrais prendre rendez-vous")]
    [InlineData("merci, je rappellerai plus tard")]
    [InlineData("oui")]
    [InlineData("C'est pour un devis")]
    [InlineData("Est-ce que le garage est ouvert samedi")]
    public void A_short_french_text_is_told_as_french(string text)
    {
        Assert.Equal(ReplyLanguage.French, Detector.LanguageOf(text));
    }

    [Theory]
    [InlineData("Hi, are you open tomorrow?")]
    [InlineData("I'd like to book an appointment")]
    [InlineData("thanks, I'll call back later")]
    [InlineData("Hello")]
    [InlineData("It's about a quote")]
    [InlineData("Is the shop open on Saturday")]
    public void A_short_english_text_is_told_as_english(string text)
    {
        Assert.Equal(ReplyLanguage.English, Detector.LanguageOf(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("12:30")]
    [InlineData("👍")]
    [InlineData("ok")]
    [InlineData("OK merci")]
    [InlineData("Taxi")]
    public void A_text_with_nothing_to_tell_by_has_no_language(string? text)
    {
        Assert.Null(Detector.LanguageOf(text));
    }
}
