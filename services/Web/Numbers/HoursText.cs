using System.Globalization;
using System.Text.RegularExpressions;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.Numbers;

/// <summary>
/// A day's hours as a person types them in one field ("9:00-12:00, 13:00-17:00"; empty or "closed"
/// for a closed day; 24:00 for until midnight) and as the pages show them. Whether the intervals
/// make sense (close after open, no overlap) is the rules API's to say, next to the same field.
/// </summary>
public static partial class HoursText
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public const string Example = "09:00-12:00, 13:00-17:00";

    public static string Format(IEnumerable<HoursRange> hours) => string.Join(", ", hours.Select(h => $"{h.Open}-{h.Close}"));

    /// <summary>"09:00 to 12:00 and 13:00 to midnight", or "Closed".</summary>
    public static string Describe(IReadOnlyCollection<HoursRange> hours) => hours.Count == 0
        ? "Closed"
        : string.Join(" and ", hours.Select(h => $"{h.Open} to {(h.Close == "24:00" ? "midnight" : h.Close)}"));

    public static string DayName(string day) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(day);

    public static bool TryParse(string? text, out List<HoursRange> hours)
    {
        hours = [];
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Interval().Match(part);
            if (!match.Success)
            {
                return false;
            }
            hours.Add(new HoursRange { Open = Time(match.Groups["open"].Value), Close = Time(match.Groups["close"].Value) });
        }
        return true;
    }

    private static string Time(string text)
    {
        var (hour, minute) = text.Split(':') is [var h, var m] ? (h, m) : (text, "00");
        return $"{int.Parse(hour, CultureInfo.InvariantCulture):00}:{minute}";
    }

    [GeneratedRegex(@"^(?<open>\d{1,2}(:\d{2})?)\s*(-|–|—|to)\s*(?<close>\d{1,2}(:\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
