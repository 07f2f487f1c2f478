using System.Xml;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>A number's windows (ISO-8601 on the API: <c>PT3H</c>) as a business owner reads and picks them: "3 hours", "3 heures".</summary>
public static class DurationWords
{
    /// <summary>The choices the API offers, and <paramref name="current"/> among them when it was set to something else through the API.</summary>
    public static IEnumerable<string> ChoicesWith(IEnumerable<string>? offered, string current) =>
        (offered ?? []).Append(current).Where(choice => choice.Length > 0).Distinct().OrderBy(XmlConvert.ToTimeSpan);

    public static string Describe(IStringLocalizer t, string? iso) => iso is null ? "" : Describe(t, XmlConvert.ToTimeSpan(iso));

    public static string Describe(IStringLocalizer t, TimeSpan duration)
    {
        var parts = new List<string>();
        Add(duration.Days, "Days");
        Add(duration.Hours, "Hours");
        Add(duration.Minutes, "Minutes");
        Add(duration.Seconds, "Seconds");
        return parts.Count == 0 ? t["Duration.None"] : string.Join(" ", parts);

        void Add(int amount, string unit)
        {
            if (amount > 0)
            {
                parts.Add(t[amount == 1 ? $"Duration.{unit}.One" : $"Duration.{unit}.Many", amount]);
            }
        }
    }
}
