using System.Globalization;

namespace AutoReply.Web.Numbers;

/// <summary>"Test this number": the event to imagine, as the form posts it.</summary>
public sealed class TestInput
{
    public string Trigger { get; set; } = "missed_call";

    public string Contact { get; set; } = "";

    /// <summary>The text, for a text message (a keyword such as STOP is answered differently).</summary>
    public string Body { get; set; } = "";

    /// <summary>yyyy-MM-ddTHH:mm in the number's time zone, as the browser's date-time control posts it; empty for now.</summary>
    public string When { get; set; } = "";

    /// <summary>The moment <see cref="When"/> names in <paramref name="timeZone"/>; null for now, or when it cannot be read.</summary>
    public DateTimeOffset? At(string timeZone, out bool readable)
    {
        readable = true;
        if (string.IsNullOrWhiteSpace(When))
        {
            return null;
        }
        if (!DateTime.TryParseExact(When, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            readable = false;
            return null;
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
