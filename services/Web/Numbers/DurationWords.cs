using System.Xml;

namespace AutoReply.Web.Numbers;

/// <summary>A number's windows (ISO-8601 on the API: <c>PT3H</c>) as a business owner reads and picks them: "3 hours".</summary>
public static class DurationWords
{
    /// <summary>The choices the API offers, and <paramref name="current"/> among them when it was set to something else through the API.</summary>
    public static IEnumerable<string> ChoicesWith(IEnumerable<string>? offered, string current) =>
        (offered ?? []).Append(current).Where(choice => choice.Length > 0).Distinct().OrderBy(XmlConvert.ToTimeSpan);

    public static string Describe(string? iso) => iso is null ? "" : Describe(XmlConvert.ToTimeSpan(iso));

    public static string Describe(TimeSpan duration)
    {
        var parts = new List<string>();
        Add(duration.Days, "day");
        Add(duration.Hours, "hour");
        Add(duration.Minutes, "minute");
        Add(duration.Seconds, "second");
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);

        void Add(int amount, string unit)
        {
            if (amount > 0)
            {
                parts.Add(amount == 1 ? $"1 {unit}" : $"{amount} {unit}s");
            }
        }
    }
}
