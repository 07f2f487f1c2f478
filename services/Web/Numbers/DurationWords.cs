using System.Xml;

namespace AutoReply.Web.Numbers;

/// <summary>A number's windows (ISO-8601 on the API: <c>PT3H</c>) as a business owner reads and picks them: "3 hours".</summary>
public static class DurationWords
{
    public static readonly TimeSpan[] Choices =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(7),
    ];

    /// <summary>The choices, and <paramref name="current"/> among them when it was set to something else through the API.</summary>
    public static IEnumerable<string> ChoicesWith(string current) =>
        Choices.Select(Iso).Append(current).Distinct().OrderBy(choice => XmlConvert.ToTimeSpan(choice));

    public static string Iso(TimeSpan duration) => XmlConvert.ToString(duration);

    public static string Describe(string iso) => Describe(XmlConvert.ToTimeSpan(iso));

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
