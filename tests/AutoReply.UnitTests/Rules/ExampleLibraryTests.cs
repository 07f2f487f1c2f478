using AutoReply.Sms;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Contracts;
using AutoReply.Domain.Languages;
using AutoReply.Domain.Templates;

namespace AutoReply.UnitTests.Rules;

public sealed class ExampleLibraryTests
{
    public static TheoryData<ReplyLanguage, string> Examples =>
        [.. Enum.GetValues<ReplyLanguage>().SelectMany(language => ExampleLibrary.In(language).Select(example => (language, example.Id)))];

    // Moments that make the variables long: two intervals today with a next opening tomorrow, and a
    // Friday evening with the next opening on Monday.
    private static readonly string[] RenderMoments = ["2026-11-24T17:30-05:00", "2026-11-27T17:30-05:00"];

    [Fact]
    public void The_library_has_at_least_twenty_examples()
    {
        Assert.True(ExampleLibrary.In(ReplyLanguage.English).Count >= 20, $"only {ExampleLibrary.In(ReplyLanguage.English).Count} examples");
    }

    [Fact]
    public void Example_ids_are_unique()
    {
        var examples = ExampleLibrary.In(ReplyLanguage.English);
        Assert.Equal(examples.Count, examples.Select(example => example.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_french_library_has_every_english_example_in_french()
    {
        var english = ExampleLibrary.In(ReplyLanguage.English);
        var french = ExampleLibrary.In(ReplyLanguage.French);

        Assert.Equal(english.Select(example => example.Id), french.Select(example => example.Id));
        Assert.All(english.Zip(french), pair => Assert.NotEqual(pair.First.Message, pair.Second.Message));
    }

    [Fact]
    public void Each_example_offers_its_message_in_the_other_language_too()
    {
        var english = ExampleLibrary.In(ReplyLanguage.English);
        var french = ExampleLibrary.In(ReplyLanguage.French);

        Assert.All(english.Zip(french), pair =>
        {
            Assert.Equal(new Translation(ReplyLanguage.French, pair.Second.Message), Assert.Single(pair.First.Translations));
            Assert.Equal(new Translation(ReplyLanguage.English, pair.First.Message), Assert.Single(pair.Second.Translations));
        });
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_can_be_saved_as_an_auto_reply(ReplyLanguage language, string id)
    {
        var example = ExampleLibrary.In(language).Single(e => e.Id == id);

        Assert.Empty(MessageTemplate.FindErrors(example.Message));
        Assert.False(string.IsNullOrWhiteSpace(example.Title));
        Assert.False(string.IsNullOrWhiteSpace(example.Scenario));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_rendered_for_a_long_business_name_fits_in_two_segments(ReplyLanguage language, string id)
    {
        var example = ExampleLibrary.In(language).Single(e => e.Id == id);
        var number = Office();
        number.Name = "Acme Dental & Family Care";

        foreach (var moment in RenderMoments)
        {
            var text = MessageTemplate.Render(example.Message, language, number.Name, number.Calendar(), At(moment));
            var length = SmsEncoding.Measure(text);
            Assert.True(length.Segments <= 2, $"{length.Segments} {length.Encoding} segments at {moment}: {text}");
        }
    }
}
