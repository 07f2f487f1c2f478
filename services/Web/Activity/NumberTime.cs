using System.Globalization;

namespace AutoReply.Web.Activity;

/// <summary>A moment as the business reads it: in its number's time zone, which it names.</summary>
public static class NumberTime
{
    public static string Describe(DateTimeOffset at, string? timeZone, string format = "ddd d MMM yyyy, HH:mm:ss") =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? $"{TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture)} ({timeZone})"
            : $"{at.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture)} (UTC)";
}
