using System.Globalization;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>Fresh numbers and ids for each test, so tests sharing the servers never see each other's data.</summary>
public static class TestData
{
    /// <summary>A possible North American number in area code 415 that no other test uses.</summary>
    public static string PhoneNumber() =>
        "+1415" + Random.Shared.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    public static string EventId() => $"evt-{Guid.NewGuid():N}";

    /// <summary>Open all week, all day: every event falls in business hours.</summary>
    public static object AlwaysOpen(string name) => new
    {
        name,
        timeZone = "America/New_York",
        businessHours = Enum.GetValues<DayOfWeek>()
            .ToDictionary(day => day.ToString().ToLowerInvariant(), _ => new[] { new { open = "00:00", close = "24:00" } }),
    };

    /// <summary>Never open: every event falls after hours.</summary>
    public static object NeverOpen(string name) => new { name, timeZone = "America/New_York" };
}
