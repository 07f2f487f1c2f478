using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.Numbers;
using AutoReply.RulesApi.Numbers;

namespace AutoReply.UnitTests.Rules;

public sealed class NumberSettingsValidatorTests
{
    private static NumberSettingsRequest Valid() => new(
        Name: "Acme Dental",
        TimeZone: NewYork,
        BusinessHours: new Dictionary<string, List<HoursRange>?>
        {
            ["monday"] = Hours("09:00-12:00", "13:00-17:00"),
            ["tuesday"] = Hours("09:00-17:00"),
        },
        Overrides: [Closed("2026-12-25")],
        Cooldown: null,
        RecentActivityWindow: null,
        MaxEventAge: null);

    private static (ValidNumberSettings? Settings, IDictionary<string, string[]> Errors) Validate(NumberSettingsRequest request)
    {
        var validated = new NumberSettingsValidator().Validate(request);
        return (validated.Value, validated.Errors);
    }

    private static IDictionary<string, string[]> ErrorsOf(NumberSettingsRequest request)
    {
        var (settings, errors) = Validate(request);
        Assert.Null(settings);
        return errors;
    }

    [Fact]
    public void Valid_settings_without_durations_get_the_default_windows()
    {
        var (settings, errors) = Validate(Valid());

        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Equal(TimeSpan.FromHours(3), settings.Cooldown);
        Assert.Equal(TimeSpan.FromHours(3), settings.RecentActivityWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.MaxEventAge);
    }

    [Fact]
    public void Durations_given_in_iso_8601_are_kept()
    {
        var (settings, _) = Validate(Valid() with { Cooldown = "PT1H30M", RecentActivityWindow = "P1D", MaxEventAge = "PT5M" });

        Assert.NotNull(settings);
        Assert.Equal(TimeSpan.FromMinutes(90), settings.Cooldown);
        Assert.Equal(TimeSpan.FromDays(1), settings.RecentActivityWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.MaxEventAge);
    }

    [Fact]
    public void Valid_settings_keep_several_intervals_a_day_in_opening_order()
    {
        var request = Valid() with
        {
            BusinessHours = new Dictionary<string, List<HoursRange>?> { ["Monday"] = Hours("13:00-17:00", "09:00-12:00") },
        };

        var (settings, _) = Validate(request);

        Assert.NotNull(settings);
        Assert.Equal(Hours("09:00-12:00", "13:00-17:00"), settings.OpeningHours.Weekly["monday"]);
    }

    [Fact]
    public void Closing_at_24_00_is_accepted()
    {
        var request = Valid() with { BusinessHours = new Dictionary<string, List<HoursRange>?> { ["friday"] = Hours("18:00-24:00") } };

        Assert.Empty(Validate(request).Errors);
    }

    [Fact]
    public void Overlapping_intervals_are_an_error_on_the_interval_that_overlaps()
    {
        var request = Valid() with
        {
            BusinessHours = new Dictionary<string, List<HoursRange>?> { ["monday"] = Hours("09:00-12:00", "11:30-14:00") },
        };

        Assert.Equal(["businessHours.monday[1]"], ErrorsOf(request).Keys);
    }

    [Theory]
    [InlineData("17:00-09:00")]
    [InlineData("09:00-09:00")]
    public void An_interval_that_does_not_close_after_it_opens_is_an_error(string range)
    {
        var request = Valid() with { BusinessHours = new Dictionary<string, List<HoursRange>?> { ["tuesday"] = Hours(range) } };

        Assert.Equal(["businessHours.tuesday[0]"], ErrorsOf(request).Keys);
    }

    [Theory]
    [InlineData("9:00", "17:00")]
    [InlineData("09:00", "25:00")]
    [InlineData("09:60", "17:00")]
    [InlineData("24:00", "24:00")]
    [InlineData("nine", "17:00")]
    [InlineData("09h00", "17:00")]
    public void A_time_that_is_not_hh_mm_is_an_error_on_its_interval(string open, string close)
    {
        var request = Valid() with
        {
            BusinessHours = new Dictionary<string, List<HoursRange>?> { ["wednesday"] = [new("08:00", "08:30"), new(open, close)] },
        };

        Assert.Equal(["businessHours.wednesday[1]"], ErrorsOf(request).Keys);
    }

    [Fact]
    public void An_unknown_day_is_an_error_under_its_own_name()
    {
        var request = Valid() with { BusinessHours = new Dictionary<string, List<HoursRange>?> { ["funday"] = Hours("09:00-17:00") } };

        Assert.Equal(["businessHours.funday"], ErrorsOf(request).Keys);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("EST5EDT-ish")]
    [InlineData("")]
    [InlineData(null)]
    public void A_time_zone_that_is_not_an_iana_id_is_an_error(string? timeZone)
    {
        Assert.Equal(["timeZone"], ErrorsOf(Valid() with { TimeZone = timeZone }).Keys);
    }

    [Theory]
    [InlineData("3h")]
    [InlineData("PT0S")]
    [InlineData("P30D")]
    [InlineData("-PT3H")]
    [InlineData("PT")]
    public void A_cooldown_that_is_not_a_positive_duration_of_at_most_a_week_is_an_error(string cooldown)
    {
        Assert.Equal(["cooldown"], ErrorsOf(Valid() with { Cooldown = cooldown }).Keys);
    }

    [Fact]
    public void Each_bad_window_is_reported_under_its_own_field()
    {
        var errors = ErrorsOf(Valid() with { Cooldown = "3h", RecentActivityWindow = "PT0S", MaxEventAge = "P30D" });

        Assert.Equal(["cooldown", "maxEventAge", "recentActivityWindow"], errors.Keys.Order());
    }

    [Fact]
    public void The_same_override_date_twice_is_an_error_on_the_second_one()
    {
        var request = Valid() with { Overrides = [Closed("2026-12-25"), Special("2026-12-31", "09:00-12:00"), Special("2026-12-25", "10:00-12:00")] };

        Assert.Equal(["overrides[2].date"], ErrorsOf(request).Keys);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("25/12/2026")]
    [InlineData("2026-12-25T00:00")]
    [InlineData("")]
    public void An_override_date_that_is_not_a_calendar_date_is_an_error(string date)
    {
        var request = Valid() with { Overrides = [Closed("2026-12-24"), Closed(date)] };

        Assert.Equal(["overrides[1].date"], ErrorsOf(request).Keys);
    }

    [Fact]
    public void Bad_hours_in_an_override_are_an_error_on_that_override_s_interval()
    {
        var request = Valid() with { Overrides = [Special("2026-12-24", "09:00-12:00", "11:00-13:00")] };

        Assert.Equal(["overrides[0].hours[1]"], ErrorsOf(request).Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_missing_name_is_an_error(string? name)
    {
        Assert.Equal(["name"], ErrorsOf(Valid() with { Name = name }).Keys);
    }
}
