using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AutoReply.Domain.Templates;
using AutoReply.Web.Localization;
using AutoReply.Web.Numbers;
using AutoReply.Web.RulesApi.Models;
using AutoReply.Web.Summary;

namespace AutoReply.UnitTests.Web;

public sealed partial class TextTests
{
    private static readonly ResourceManager Resources = new(typeof(Text).FullName!, typeof(Text).Assembly);

    [Fact]
    public void Every_word_of_the_web_app_is_in_english_and_in_french()
    {
        var english = Words(CultureInfo.InvariantCulture);
        var french = Words(new CultureInfo(Languages.French));

        Assert.Empty(english.Keys.Except(french.Keys).Select(key => $"missing in French: {key}"));
        Assert.Empty(french.Keys.Except(english.Keys).Select(key => $"missing in English: {key}"));
        Assert.Empty(english.Concat(french).Where(word => string.IsNullOrWhiteSpace(word.Value)).Select(word => $"empty: {word.Key}"));
    }

    [Fact]
    public void A_word_and_its_translation_take_the_same_values()
    {
        var french = Words(new CultureInfo(Languages.French));

        var differing = Words(CultureInfo.InvariantCulture)
            .Where(word => !Placeholders(word.Value).SetEquals(Placeholders(french[word.Key])))
            .Select(word => word.Key);

        Assert.Empty(differing);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Every_word_of_the_api_s_vocabulary_reads_in_both_languages(string language)
    {
        using var speaking = WebText.In(language);
        var t = WebText.T;
        string[] words =
        [
            .. Enum.GetValues<SuppressionReason>().SelectMany(reason => new[] { VocabularyWords.Reason(t, reason), VocabularyWords.Rule(t, reason), SummaryFigures.ReasonName(t, reason) }),
            .. Enum.GetValues<Trigger>().Select(trigger => VocabularyWords.Trigger(t, trigger)),
            .. Enum.GetValues<Trigger>().SelectMany(trigger => Enum.GetValues<Schedule>().Select(schedule => VocabularyWords.Slot(t, trigger, schedule))),
            .. Enum.GetValues<Outcome>().Select(outcome => VocabularyWords.Outcome(t, outcome)),
            .. Enum.GetValues<DeliveryState>().Select(state => VocabularyWords.Delivery(t, state)),
            .. Enum.GetValues<RuleVerdict>().Select(verdict => VocabularyWords.Verdict(t, verdict)),
            .. MessageTemplate.Variables.Select(variable => VocabularyWords.Variable(t, $"{{{variable}}}")),
        ];

        // A missing word reads as its key ("Reason.cooldown").
        Assert.DoesNotContain(words, word => KeyPattern().IsMatch(word));
    }

    [Fact]
    public void Every_reason_has_a_colour_of_its_own_in_the_chart()
    {
        Assert.Equal(
            AutoReply.Contracts.Vocabulary.All<AutoReply.Contracts.SuppressionReason>().Order(StringComparer.Ordinal),
            SummaryFigures.ReasonColours.Keys.Select(reason => Microsoft.Kiota.Abstractions.Helpers.EnumHelpers.GetEnumStringValue(reason)).Order(StringComparer.Ordinal));
        Assert.Equal(SummaryFigures.ReasonColours.Count, SummaryFigures.ReasonColours.Values.Distinct().Count());
    }

    [Fact]
    public void A_page_in_french_says_durations_hours_and_days_in_french()
    {
        using var speaking = WebText.In(Languages.French);

        Assert.Equal("1 heure 30 minutes", DurationWords.Describe(WebText.T, "PT1H30M"));
        Assert.Equal("de 09:00 à 12:00 et de 13:00 à minuit", HoursText.Describe(WebText.T, [new() { Open = "09:00", Close = "12:00" }, new() { Open = "13:00", Close = "24:00" }]));
        Assert.Equal("Lundi", HoursText.DayName("monday"));
        Assert.Equal("ven. 25 déc. 2026", HoursText.DateName("2026-12-25"));
    }

    private static Dictionary<string, string> Words(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    private static HashSet<string> Placeholders(string word) => [.. PlaceholderPattern().Matches(word).Select(match => match.Groups["index"].Value)];

    [GeneratedRegex(@"\{(?<index>\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z]+\.[a-z_]+(\.[a-z_]+)?$")]
    private static partial Regex KeyPattern();
}
