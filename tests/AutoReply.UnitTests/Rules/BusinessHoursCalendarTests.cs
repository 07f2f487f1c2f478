using NodaTime;
using static AutoReply.UnitTests.Rules.SampleNumbers;

namespace AutoReply.UnitTests.Rules;

public sealed class BusinessHoursCalendarTests
{
    // 2026-11-24 is a Tuesday; New York is on EST (-05:00) then.
    [Theory]
    [InlineData("2026-11-24T08:59-05:00", false)]
    [InlineData("2026-11-24T09:00-05:00", true)]
    [InlineData("2026-11-24T10:00-05:00", true)]
    [InlineData("2026-11-24T11:59:59-05:00", true)]
    [InlineData("2026-11-24T12:00-05:00", false)]
    [InlineData("2026-11-24T12:30-05:00", false)]
    [InlineData("2026-11-24T13:00-05:00", true)]
    [InlineData("2026-11-24T16:59-05:00", true)]
    [InlineData("2026-11-24T17:00-05:00", false)]
    public void A_day_with_a_lunch_break_is_open_in_each_interval_and_closed_between_them(string moment, bool open)
    {
        Assert.Equal(open, Office().Calendar().IsOpenAt(At(moment)));
    }

    [Fact]
    public void An_interval_is_open_up_to_its_last_second_and_closed_at_its_closing_minute()
    {
        var calendar = Office().Calendar();

        Assert.True(calendar.IsOpenAt(At("2026-11-24T16:59:59.999-05:00")));
        Assert.False(calendar.IsOpenAt(At("2026-11-24T17:00:00-05:00")));
    }

    [Fact]
    public void A_day_left_out_of_the_weekly_schedule_is_closed_all_day()
    {
        var calendar = Office().Calendar();

        // Sunday 2026-11-29.
        Assert.False(calendar.IsOpenAt(At("2026-11-29T10:00-05:00")));
        Assert.Empty(calendar.HoursOn(new LocalDate(2026, 11, 29)));
    }

    [Fact]
    public void Closing_at_24_00_stays_open_until_midnight_and_the_next_day_follows_its_own_hours()
    {
        var calendar = Number(Week(("friday", Hours("18:00-24:00")))).Calendar();

        Assert.True(calendar.IsOpenAt(At("2026-11-27T23:59-05:00")));
        Assert.True(calendar.IsOpenAt(At("2026-11-27T23:59:59-05:00")));
        Assert.False(calendar.IsOpenAt(At("2026-11-28T00:00-05:00")));
    }

    [Fact]
    public void A_closed_override_closes_a_usual_working_day_and_only_that_day()
    {
        var calendar = Office(Closed("2026-11-24")).Calendar();

        Assert.False(calendar.IsOpenAt(At("2026-11-24T10:00-05:00")));
        Assert.True(calendar.IsOpenAt(At("2026-11-25T10:00-05:00")));
    }

    [Fact]
    public void Special_hours_replace_the_weekly_hours_on_their_day()
    {
        var calendar = Office(Special("2026-11-24", "14:00-16:00")).Calendar();

        Assert.False(calendar.IsOpenAt(At("2026-11-24T10:00-05:00")));
        Assert.True(calendar.IsOpenAt(At("2026-11-24T15:00-05:00")));
        Assert.False(calendar.IsOpenAt(At("2026-11-24T16:30-05:00")));
    }

    [Fact]
    public void Special_hours_open_a_day_the_weekly_schedule_leaves_closed()
    {
        var calendar = Office(Special("2026-11-29", "10:00-14:00")).Calendar();

        Assert.True(calendar.IsOpenAt(At("2026-11-29T11:00-05:00")));
    }

    [Fact]
    public void Hours_are_read_in_the_number_s_time_zone_not_in_utc()
    {
        var calendar = Number(Week(("tuesday", Hours("09:00-17:00"))), timeZone: "America/Los_Angeles").Calendar();

        // 16:30Z is Tuesday 08:30 in Los Angeles: inside 09–17 in UTC terms, but not yet open there.
        Assert.False(calendar.IsOpenAt(At("2026-11-24T16:30Z")));
        // 00:30Z on Wednesday is still Tuesday 16:30 in Los Angeles.
        Assert.True(calendar.IsOpenAt(At("2026-11-25T00:30Z")));
    }

    // 2026-03-08, New York springs forward: 02:00 EST becomes 03:00 EDT (07:00Z), 02:00–03:00 never happens.
    [Theory]
    [InlineData("2026-03-08T05:30Z", false)] // 00:30 EST
    [InlineData("2026-03-08T06:30Z", true)] // 01:30 EST
    [InlineData("2026-03-08T07:00Z", true)] // 03:00 EDT, the first instant after the gap
    [InlineData("2026-03-08T07:30Z", true)] // 03:30 EDT
    [InlineData("2026-03-08T08:00Z", false)] // 04:00 EDT
    public void On_the_spring_forward_day_an_interval_across_the_gap_follows_the_wall_clock(string moment, bool open)
    {
        var calendar = Number(Week(("sunday", Hours("01:00-04:00")))).Calendar();

        Assert.Equal(open, calendar.IsOpenAt(At(moment)));
    }

    // 2026-11-01, New York falls back: 02:00 EDT becomes 01:00 EST (06:00Z), 01:00–02:00 happens twice.
    [Theory]
    [InlineData("2026-11-01T04:30Z", false)] // 00:30 EDT
    [InlineData("2026-11-01T05:30Z", true)] // 01:30 EDT, the first time
    [InlineData("2026-11-01T06:30Z", true)] // 01:30 EST, the second time
    [InlineData("2026-11-01T07:30Z", false)] // 02:30 EST
    public void On_the_fall_back_day_the_repeated_hour_is_open_both_times(string moment, bool open)
    {
        var calendar = Number(Week(("sunday", Hours("01:00-02:00")))).Calendar();

        Assert.Equal(open, calendar.IsOpenAt(At(moment)));
    }

    [Fact]
    public void An_opening_inside_the_spring_forward_gap_happens_when_the_gap_ends()
    {
        var calendar = Number(Week(("sunday", Hours("02:30-05:00")))).Calendar();

        Assert.Equal(At("2026-03-08T07:00Z"), calendar.NextOpening(At("2026-03-08T05:00Z"))?.ToInstant());
    }

    [Fact]
    public void An_opening_in_the_repeated_fall_back_hour_is_found_on_its_second_occurrence()
    {
        var calendar = Number(Week(("sunday", Hours("01:30-03:00")))).Calendar();

        // 06:10Z is 01:10 EST, after the first 01:30 (EDT) has passed: the business reopens at 01:30 EST.
        Assert.Equal(At("2026-11-01T06:30Z"), calendar.NextOpening(At("2026-11-01T06:10Z"))?.ToInstant());
    }

    [Fact]
    public void The_next_opening_during_the_lunch_break_is_later_the_same_day()
    {
        var next = Office().Calendar().NextOpening(At("2026-11-24T12:15-05:00"));

        Assert.Equal(At("2026-11-24T13:00-05:00"), next?.ToInstant());
    }

    [Fact]
    public void The_next_opening_after_closing_time_is_the_next_morning_in_the_number_s_time_zone()
    {
        var next = Office().Calendar().NextOpening(At("2026-11-24T17:30-05:00"));

        Assert.Equal(At("2026-11-25T09:00-05:00"), next?.ToInstant());
        Assert.Equal(new LocalDateTime(2026, 11, 25, 9, 0), next?.LocalDateTime);
    }

    [Fact]
    public void The_next_opening_skips_a_closed_override()
    {
        var next = Office(Closed("2026-11-25")).Calendar().NextOpening(At("2026-11-24T17:30-05:00"));

        Assert.Equal(At("2026-11-26T09:00-05:00"), next?.ToInstant());
    }

    [Fact]
    public void The_next_opening_on_friday_evening_is_monday_morning()
    {
        var next = Office().Calendar().NextOpening(At("2026-11-27T18:00-05:00"));

        Assert.Equal(At("2026-11-30T09:00-05:00"), next?.ToInstant());
    }

    [Fact]
    public void An_opening_that_falls_in_the_spring_forward_gap_happens_at_the_end_of_the_gap()
    {
        var calendar = Number(Week(("sunday", Hours("02:00-05:00")))).Calendar();

        var next = calendar.NextOpening(At("2026-03-08T05:00Z"));

        // 02:00 EST does not exist that night: the clocks read 03:00 EDT at 07:00Z.
        Assert.Equal(At("2026-03-08T07:00Z"), next?.ToInstant());
        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 0), next?.LocalDateTime);
    }

    [Fact]
    public void A_number_that_is_never_open_has_no_next_opening()
    {
        Assert.Null(Number(Week()).Calendar().NextOpening(At("2026-11-24T12:00Z")));
    }

    [Fact]
    public void A_number_closed_every_week_but_one_special_day_next_opens_that_day()
    {
        var calendar = Number(Week(), [Special("2026-12-31", "10:00-14:00")]).Calendar();

        var next = calendar.NextOpening(At("2026-11-24T12:00Z"));

        Assert.Equal(At("2026-12-31T10:00-05:00"), next?.ToInstant());
    }
}
