using System.Globalization;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.Web.Summary;

/// <summary>One day of the summary as the page shows it: its date in the number's zone and its figures.</summary>
public sealed record SummaryDay(DateOnly Date, int MissedCalls, int Voicemails, int Texts, int Replied, int Delivered, int Waiting, IReadOnlyDictionary<SuppressionReason, int> NotSent)
{
    public int Received => MissedCalls + Voicemails + Texts;

    public string Name => Date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
}

/// <summary>
/// The API's summary as a chart and a table read it: each day's replies and the events not replied to, by
/// reason, each series with its colour. The reasons are named here, short: the API's words for them are
/// sentences, and its rule names are the checks ("On time"), not why a reply did not go out.
/// </summary>
public sealed class SummaryFigures
{
    private const string RepliedColour = "#1a7f37";
    private const string WaitingColour = "#0969da";

    /// <summary>A name and a colour per reason, the same on every page; each colour at least 3:1 against white (WCAG 1.4.11).</summary>
    private static readonly Dictionary<SuppressionReason, (string Name, string Colour)> ReasonParts = new()
    {
        [SuppressionReason.Cooldown] = ("Cooldown", "#8250df"),
        [SuppressionReason.Recent_activity] = ("Your team was in touch", "#bc4c00"),
        [SuppressionReason.Opted_out] = ("Opted out", "#cf222e"),
        [SuppressionReason.Budget] = ("Daily allowance used up", "#9a6700"),
        [SuppressionReason.No_auto_reply] = ("No auto-reply for the slot", "#1b7c83"),
        [SuppressionReason.Stale] = ("Arrived too late", "#bf3989"),
        [SuppressionReason.Keyword] = ("STOP, START or HELP", "#6e7781"),
        [SuppressionReason.Loop_guard] = ("Automated sender", "#0550ae"),
        [SuppressionReason.Unknown_number] = ("Number not set up", "#24292f"),
    };

    private SummaryFigures(IReadOnlyList<SummaryDay> days, IReadOnlyList<(SuppressionReason Reason, string Name)> reasons) => (Days, Reasons) = (days, reasons);

    public IReadOnlyList<SummaryDay> Days { get; }

    /// <summary>The reasons that kept a reply from going out on one of the days, in the order of <see cref="ReasonParts"/>.</summary>
    public IReadOnlyList<(SuppressionReason Reason, string Name)> Reasons { get; }

    public bool AnyWaiting => Days.Any(d => d.Waiting > 0);

    public static SummaryFigures From(ActivitySummary summary)
    {
        List<SummaryDay> days = [.. (summary.Days ?? []).Select(day => new SummaryDay(
            DateOnly.ParseExact(day.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            day.Received?.MissedCalls ?? 0, day.Received?.Voicemails ?? 0, day.Received?.Texts ?? 0,
            day.Replies?.Sent ?? 0, day.Replies?.Delivered ?? 0, day.Replies?.Scheduled ?? 0,
            (day.NotSent ?? []).ToDictionary(r => r.Reason!.Value, r => r.Count ?? 0)))];
        List<(SuppressionReason, string)> reasons = [.. ReasonParts
            .Where(part => days.Any(d => d.NotSent.ContainsKey(part.Key)))
            .Select(part => (part.Key, part.Value.Name))];
        return new SummaryFigures(days, reasons);
    }

    /// <summary>The chart's series: replied, waiting (when any is), then each reason.</summary>
    public IReadOnlyList<ChartSeries> Series() =>
    [
        new("Replied", RepliedColour),
        .. AnyWaiting ? [new ChartSeries("Waiting to be sent", WaitingColour)] : Array.Empty<ChartSeries>(),
        .. Reasons.Select(r => new ChartSeries($"Not sent: {r.Name}", ReasonParts[r.Reason].Colour)),
    ];

    public IReadOnlyList<ChartBar> Bars() => [.. Days.Select(day => new ChartBar(
        day.Date.ToString("ddd", CultureInfo.InvariantCulture),
        day.Date.Day.ToString(CultureInfo.InvariantCulture),
        day.Name,
        [day.Replied, .. AnyWaiting ? [day.Waiting] : Array.Empty<int>(), .. Reasons.Select(r => day.NotSent.GetValueOrDefault(r.Reason))]))];
}
