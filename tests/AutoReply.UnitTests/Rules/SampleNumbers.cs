using AutoReply.Security;
using System.Globalization;
using NodaTime;
using NodaTime.Extensions;
using AutoReply.Domain.Choices;
using AutoReply.Domain.Numbers;
using AutoReply.RulesApi.Numbers;

namespace AutoReply.UnitTests.Rules;

/// <summary>
/// Business numbers as the rules service stores them (an <see cref="OpeningHoursDocument"/> in the
/// API's own words), so the calendar under test is the one <see cref="BusinessNumber.Calendar"/> builds.
/// </summary>
internal static class SampleNumbers
{
    public const string PhoneNumber = "+14155550100";
    public const string NewYork = "America/New_York";

    /// <summary>Weekdays 9:00–12:00 and 13:00–17:00 in New York, closed at weekends.</summary>
    public static BusinessNumber Office(params HoursOverride[] overrides) =>
        Number(
            Week(
                ("monday", Hours("09:00-12:00", "13:00-17:00")),
                ("tuesday", Hours("09:00-12:00", "13:00-17:00")),
                ("wednesday", Hours("09:00-12:00", "13:00-17:00")),
                ("thursday", Hours("09:00-12:00", "13:00-17:00")),
                ("friday", Hours("09:00-12:00", "13:00-17:00"))),
            overrides);

    public static BusinessNumber Number(
        Dictionary<string, List<HoursRange>> weekly,
        IEnumerable<HoursOverride>? overrides = null,
        string timeZone = NewYork,
        string name = "Acme Dental") => new()
        {
            PhoneNumber = PhoneNumber,
            WorkspaceId = DefaultWorkspace.Id,
            Name = name,
            TimeZone = timeZone,
            OpeningHours = new OpeningHoursDocument(weekly, [.. overrides ?? []]),
            Cooldown = SettingChoices.DefaultCooldown,
            RecentActivityWindow = SettingChoices.DefaultRecentActivityWindow,
            MaxEventAge = SettingChoices.DefaultMaxEventAge,
        };

    public static Dictionary<string, List<HoursRange>> Week(params (string Day, List<HoursRange> Hours)[] days) =>
        days.ToDictionary(day => day.Day, day => day.Hours);

    /// <summary>Ranges written "09:00-12:00".</summary>
    public static List<HoursRange> Hours(params string[] ranges) =>
        [.. ranges.Select(range => range.Split('-') is [var open, var close]
            ? new HoursRange(open, close)
            : throw new ArgumentException($"'{range}' is not written open-close.", nameof(ranges)))];

    public static HoursOverride Closed(string date) => new(date, []);

    public static HoursOverride Special(string date, params string[] ranges) => new(date, Hours(ranges));

    /// <summary>An instant written as ISO-8601 with its offset, e.g. "2026-11-24T10:00-05:00".</summary>
    public static Instant At(string text) => Moment(text).ToInstant();

    public static DateTimeOffset Moment(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
