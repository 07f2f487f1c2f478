using System.Globalization;

namespace AutoReply.Web.Activity;

/// <summary>A moment as the business reads it: in its number's time zone, which it names, and in the page's language.</summary>
public static class NumberTime
{
    public const string Full = "ddd d MMM yyyy, HH:mm:ss";
    public const string DayAndTime = "ddd d MMM, HH:mm";
    public const string TimeOfDay = "HH:mm:ss";

    public static string Describe(DateTimeOffset at, string? timeZone, string format = Full) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? $"{TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.CurrentCulture)} ({timeZone})"
            : $"{at.ToUniversalTime().ToString(format, CultureInfo.CurrentCulture)} (UTC)";
}
