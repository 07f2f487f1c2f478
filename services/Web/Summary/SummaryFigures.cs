using System.Globalization;
using AutoReply.Web.RulesApi.Models;
using Microsoft.Extensions.Localization;
using Microsoft.Kiota.Abstractions.Helpers;

namespace AutoReply.Web.Summary;

/// <summary>One day of the summary as the page shows it: its date in the number's zone and its figures.</summary>
public sealed record SummaryDay(DateOnly Date, int MissedCalls, int Voicemails, int Texts, int Replied, int Delivered, int Waiting, IReadOnlyDictionary<SuppressionReason, int> NotSent)
{
    public int Received => MissedCalls + Voicemails + Texts;

    public string Name => Date.ToString("dddd d MMMM", CultureInfo.CurrentCulture);
}

/// <summary>
/// The API's summary as a chart and a table read it: each day's replies and the events not replied to, by
/// reason, each series with its colour, in the page's language. The reasons are named short
/// (<c>Chart.Reason.cooldown</c>): the API's words for them are sentences, and its rule names are the
/// checks ("On time"), not why a reply did not go out.
/// </summary>
public sealed class SummaryFigures
{
    private const string RepliedColour = "#1a7f37";
    private const string WaitingColour = "#0969da";

    /// <summary>A colour per reason, the same on every page, in the chart's order; each at least 3:1 against white (WCAG 1.4.11).</summary>
    public static readonly IReadOnlyDictionary<SuppressionReason, string> ReasonColours = new Dictionary<SuppressionReason, string>
    {
        [SuppressionReason.Cooldown] = "#8250df",
        [SuppressionReason.Recent_activity] = "#bc4c00",
        [SuppressionReason.Opted_out] = "#cf222e",
        [SuppressionReason.Budget] = "#9a6700",
        [SuppressionReason.No_auto_reply] = "#1b7c83",
        [SuppressionReason.Stale] = "#bf3989",
        [SuppressionReason.Keyword] = "#6e7781",
        [SuppressionReason.Loop_guard] = "#0550ae",
        [SuppressionReason.Unknown_number] = "#24292f",
    };

    private readonly IStringLocalizer t;

    private SummaryFigures(IStringLocalizer t, IReadOnlyList<SummaryDay> days, IReadOnlyList<(SuppressionReason Reason, string Name)> reasons) => (this.t, Days, Reasons) = (t, days, reasons);

    public IReadOnlyList<SummaryDay> Days { get; }

    /// <summary>The reasons that kept a reply from going out on one of the days, in the order of <see cref="ReasonColours"/>.</summary>
    public IReadOnlyList<(SuppressionReason Reason, string Name)> Reasons { get; }

    public bool AnyWaiting => Days.Any(d => d.Waiting > 0);

    /// <summary>A reason's short name in the chart.</summary>
    public static string ReasonName(IStringLocalizer t, SuppressionReason reason) => t[$"Chart.Reason.{EnumHelpers.GetEnumStringValue(reason)}"];

    public static SummaryFigures From(IStringLocalizer t, ActivitySummary summary)
    {
        List<SummaryDay> days = [.. (summary.Days ?? []).Select(day => new SummaryDay(
            DateOnly.ParseExact(day.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            day.Received?.MissedCalls ?? 0, day.Received?.Voicemails ?? 0, day.Received?.Texts ?? 0,
            day.Replies?.Sent ?? 0, day.Replies?.Delivered ?? 0, day.Replies?.Scheduled ?? 0,
            (day.NotSent ?? []).ToDictionary(r => r.Reason!.Value, r => r.Count ?? 0)))];
        List<(SuppressionReason, string)> reasons = [.. ReasonColours.Keys
            .Where(reason => days.Any(d => d.NotSent.ContainsKey(reason)))
            .Select(reason => (reason, ReasonName(t, reason)))];
        return new SummaryFigures(t, days, reasons);
    }

    /// <summary>The chart's series: replied, waiting (when any is), then each reason.</summary>
    public IReadOnlyList<ChartSeries> Series() =>
    [
        new(t["Chart.Replied"], RepliedColour),
        .. AnyWaiting ? [new ChartSeries(t["Chart.Waiting"], WaitingColour)] : Array.Empty<ChartSeries>(),
        .. Reasons.Select(r => new ChartSeries(t["Chart.NotSent", r.Name], ReasonColours[r.Reason])),
    ];

    public IReadOnlyList<ChartBar> Bars() => [.. Days.Select(day => new ChartBar(
        day.Date.ToString("ddd", CultureInfo.CurrentCulture),
        day.Date.Day.ToString(CultureInfo.InvariantCulture),
        day.Name,
        [day.Replied, .. AnyWaiting ? [day.Waiting] : Array.Empty<int>(), .. Reasons.Select(r => day.NotSent.GetValueOrDefault(r.Reason))]))];
}
