using AutoReply.Web.Numbers;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.UnitTests.Web;

public sealed class HoursTextTests
{
    [Theory]
    [InlineData("9:00-12:00, 13:00-17:00", "09:00-12:00, 13:00-17:00")]
    [InlineData("9-12; 13 to 17", "09:00-12:00, 13:00-17:00")]
    [InlineData("10:00 – 24:00", "10:00-24:00")]
    [InlineData("", "")]
    [InlineData("Closed", "")]
    [InlineData("Fermé", "")]
    [InlineData("9:00 à 12:00", "09:00-12:00")]
    public void A_day_s_hours_are_read_as_a_person_types_them(string typed, string read)
    {
        Assert.True(HoursText.TryParse(typed, out var hours));
        Assert.Equal(read, HoursText.Format(hours));
    }

    [Theory]
    [InlineData("nine to five")]
    [InlineData("09:00")]
    [InlineData("09:00-12:00, lunch")]
    public void Hours_that_are_not_intervals_are_not_read(string typed) => Assert.False(HoursText.TryParse(typed, out _));

    [Fact]
    public void Hours_are_described_in_words_with_midnight_and_closed_days()
    {
        using var speaking = WebText.In("en");
        Assert.Equal("09:00 to 12:00 and 13:00 to midnight", HoursText.Describe(WebText.T, [new() { Open = "09:00", Close = "12:00" }, new() { Open = "13:00", Close = "24:00" }]));
        Assert.Equal("Closed", HoursText.Describe(WebText.T, Array.Empty<HoursRange>()));
    }
}
