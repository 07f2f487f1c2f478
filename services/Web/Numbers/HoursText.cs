using System.Globalization;
using System.Text.RegularExpressions;
using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>
/// A day's hours as a person types them in one field ("9:00-12:00, 13:00-17:00"; empty or "closed"
/// or "fermé" for a closed day; 24:00 for until midnight) and as the pages show them, in the page's language. Whether the intervals
/// make sense (close after open, no overlap) is the rules API's to say, next to the same field.
/// </summary>
public static partial class HoursText
{
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public const string Example = "09:00-12:00, 13:00-17:00";

    public static string Format(IEnumerable<HoursRange> hours) => string.Join(", ", hours.Select(h => $"{h.Open}-{h.Close}"));

    /// <summary>Words a person may write for a day they are closed.</summary>
    private static readonly string[] ClosedWords = ["closed", "fermé", "ferme"];

    /// <summary>"09:00 to 12:00 and 13:00 to midnight", or "Closed".</summary>
    public static string Describe(IStringLocalizer t, IReadOnlyCollection<HoursRange> hours) => hours.Count == 0
        ? t["Hours.Closed"]
        : string.Join(t["Hours.And"], hours.Select(h => t["Hours.Range", h.Open ?? "", h.Close == "24:00" ? t["Hours.Midnight"] : h.Close ?? ""].Value));

    /// <summary>The day (<c>monday</c>) as the page's language names it: "Monday", "Lundi".</summary>
    public static string DayName(string day)
    {
        var name = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(Enum.Parse<DayOfWeek>(day, ignoreCase: true));
        return CultureInfo.CurrentCulture.TextInfo.ToUpper(name[0]) + name[1..];
    }

    /// <summary>A date of the API (<c>2026-12-25</c>) as the page's language writes it: "Fri 25 Dec 2026", "ven. 25 déc. 2026".</summary>
    public static string DateName(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("ddd d MMM yyyy", CultureInfo.CurrentCulture)
            : date ?? "";

    public static bool TryParse(string? text, out List<HoursRange> hours)
    {
        hours = [];
        if (string.IsNullOrWhiteSpace(text) || ClosedWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
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

    [GeneratedRegex(@"^(?<open>\d{1,2}(:\d{2})?)\s*(-|–|—|to|à)\s*(?<close>\d{1,2}(:\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
