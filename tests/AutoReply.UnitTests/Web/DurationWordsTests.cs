using AutoReply.Web.Numbers;

namespace AutoReply.UnitTests.Web;

public sealed class DurationWordsTests
{
    [Theory]
    [InlineData("PT3H", "3 hours")]
    [InlineData("PT1H", "1 hour")]
    [InlineData("PT15M", "15 minutes")]
    [InlineData("PT1H30M", "1 hour 30 minutes")]
    [InlineData("P7D", "7 days")]
    public void A_window_reads_as_a_business_owner_says_it(string iso, string words)
    {
        using var speaking = WebText.In("en");
        Assert.Equal(words, DurationWords.Describe(WebText.T, iso));
    }

    [Fact]
    public void A_window_set_through_the_api_to_an_unusual_length_is_among_the_choices_in_order()
    {
        var choices = DurationWords.ChoicesWith(["PT15M", "PT30M", "PT1H", "PT2H"], "PT45M").ToList();

        Assert.Equal(["PT30M", "PT45M", "PT1H"], choices.SkipWhile(choice => choice != "PT30M").Take(3));
    }
}
