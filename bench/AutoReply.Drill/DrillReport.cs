using System.Globalization;
using System.Text;

namespace AutoReply.Drill;

/// <summary>
/// The drill's verdict: what was accepted against what the rules alone say must follow, and what
/// the provider received. Every figure is counted, none is sampled.
/// </summary>
public sealed record DrillReport(
    int Accepted,
    int Refused,
    int Decisions,
    int ExpectedTexts,
    int Texts,
    int Lost,
    int Duplicates,
    int CooldownViolations,
    int ActivityViolations,
    int OptOutViolations,
    int Cancelled,
    int CallBackViolations,
    string ScheduledLateness,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    string DecisionLatency,
    IReadOnlyList<string> Mismatches)
{
    /// <summary>How many contacts whose texts differ from what the rules say the report spells out.</summary>
    private const int MismatchesShown = 10;

    public bool Clean => Lost == 0 && Refused == 0 && Duplicates == 0 && CooldownViolations == 0 && ActivityViolations == 0
        && OptOutViolations == 0 && CallBackViolations == 0 && Texts == ExpectedTexts;

    public static DrillReport Compute(Traffic traffic, TrafficSender runner, Ledger ledger)
    {
        var inbound = traffic.Events.Where(e => e.IsInbound && runner.Accepted.ContainsKey(e.Id)).Select(e => e.Id).ToHashSet();
        var decisionsByEvent = ledger.Decisions.Where(d => inbound.Contains(d.EventId)).ToDictionary(d => d.EventId);
        var sentByPair = ledger.Decisions.Where(d => d.Outcome == "sent").ToLookup(d => (d.PhoneNumber, d.Contact));
        var textsByPair = ledger.Texts.ToLookup(t => (t.From, t.To));
        var textsBySid = ledger.Texts.ToDictionary(t => t.Sid);

        var undecided = inbound.Count(id => !decisionsByEvent.ContainsKey(id));
        var sentWithoutText = ledger.Decisions.Count(d => d.Outcome == "sent" && (d.ProviderMessageId is null || !textsBySid.ContainsKey(d.ProviderMessageId)));
        int TextsTo(ContactPair pair) => textsByPair[(pair.PhoneNumber, pair.Contact)].Count();
        var replies = ledger.Decisions
            .Where(d => d.ProviderMessageId is not null && textsBySid.ContainsKey(d.ProviderMessageId) && runner.Accepted.ContainsKey(d.EventId))
            .ToList();
        // A reply that waited its delay counts in how late it went out past its due time, not in the latency.
        var immediate = replies.Where(d => d.DueAt is null).ToList();
        var latencies = immediate.Select(d => (textsBySid[d.ProviderMessageId!].ReceivedAt - runner.Accepted[d.EventId]).TotalMilliseconds).Order().ToList();
        // Where a text's time went: before its decision (ingress, the bus, rules) or after it (outbox, sender, provider).
        var toDecision = immediate.Select(d => (d.DecidedAt - runner.Accepted[d.EventId]).TotalMilliseconds).Order().ToList();
        var late = replies.Where(d => d.DueAt is not null).Select(d => (textsBySid[d.ProviderMessageId!].ReceivedAt - d.DueAt!.Value).TotalMilliseconds).Order().ToList();

        return new DrillReport(
            Accepted: runner.Accepted.Count,
            Refused: runner.Refused.Count,
            Decisions: decisionsByEvent.Count,
            ExpectedTexts: traffic.Pairs.Sum(pair => pair.ExpectedTexts),
            Texts: ledger.Texts.Count,
            Lost: undecided + sentWithoutText,
            Duplicates: traffic.Pairs.Sum(pair => Math.Max(0, TextsTo(pair) - sentByPair[(pair.PhoneNumber, pair.Contact)].Count()))
                + ledger.Texts.Sum(t => t.RepeatedCreates),
            CooldownViolations: traffic.Pairs.Sum(pair => Math.Max(0, sentByPair[(pair.PhoneNumber, pair.Contact)].Count() - 1)),
            ActivityViolations: traffic.Pairs.Where(pair => pair.Plan == ContactPlan.BusinessActive).Sum(TextsTo),
            OptOutViolations: traffic.Pairs.Where(pair => pair.Plan == ContactPlan.OptedOut).Sum(TextsTo),
            Cancelled: decisionsByEvent.Values.Count(d => d.Outcome == "cancelled"),
            CallBackViolations: traffic.Pairs.Where(pair => pair.Plan == ContactPlan.CalledBackDuringDelay).Sum(TextsTo),
            ScheduledLateness: string.Create(CultureInfo.InvariantCulture, $"{late.Count} replies, {Percentile(late, 0.50):0} / {Percentile(late, 0.99):0} / {(late.Count == 0 ? 0 : late[^1]):0} ms"),
            P50Ms: Percentile(latencies, 0.50),
            P95Ms: Percentile(latencies, 0.95),
            P99Ms: Percentile(latencies, 0.99),
            DecisionLatency: string.Create(CultureInfo.InvariantCulture, $"{Percentile(toDecision, 0.50):0} / {Percentile(toDecision, 0.95):0} / {Percentile(toDecision, 0.99):0} ms"),
            Mismatches: [.. traffic.Pairs.Where(pair => TextsTo(pair) != pair.ExpectedTexts).Take(MismatchesShown).Select(pair => Explain(pair, TextsTo(pair)))]);

        // A contact's events in the order they were posted, each with when ingress accepted it and what rules decided.
        string Explain(ContactPair pair, int texts)
        {
            var events = traffic.Events.Where(e => e.Pair == pair).DistinctBy(e => e.Id).Select(e =>
            {
                var accepted = runner.Accepted.TryGetValue(e.Id, out var at) ? at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) : "never";
                var decided = decisionsByEvent.TryGetValue(e.Id, out var d) ? $" → {d.Outcome}{(d.Reason is null ? "" : $" ({d.Reason})")} at {d.DecidedAt:HH:mm:ss.fff}" : "";
                return $"    {e.Id} {e.Type}{(e.Body is null ? "" : $" \"{e.Body}\"")} accepted {accepted}{decided}";
            });
            return $"  {pair.Contact} of {pair.PhoneNumber}, {pair.Plan}: {texts} texts, {pair.ExpectedTexts} expected\n{string.Join('\n', events)}";
        }
    }

    public string Table()
    {
        var rows = new (string Name, string Value)[]
        {
            ("accepted by ingress", Count(Accepted)),
            ("never accepted (gave up)", Count(Refused)),
            ("decisions", Count(Decisions)),
            ("expected texts (from the traffic and the rules)", Count(ExpectedTexts)),
            ("texts received by the provider", Count(Texts)),
            ("lost (no decision, or a sent decision with no text)", Count(Lost)),
            ("duplicate texts", Count(Duplicates)),
            ("cooldown violations", Count(CooldownViolations)),
            ("recent-activity violations", Count(ActivityViolations)),
            ("opt-out violations", Count(OptOutViolations)),
            ("replies cancelled at their due time", Count(Cancelled)),
            ("call-back violations (texts after a call-back during the delay)", Count(CallBackViolations)),
            ("delayed replies: due → provider request p50 / p99 / max", ScheduledLateness),
            ("accepted → provider request p50 / p95 / p99 (no delay)", $"{P50Ms:0} / {P95Ms:0} / {P99Ms:0} ms"),
            ("  of which accepted → decision p50 / p95 / p99", DecisionLatency),
        };
        var width = rows.Max(row => row.Name.Length);
        var table = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{name.PadRight(width)}  {value}");
        }
        return table.ToString();
    }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"accepted={Accepted} decisions={Decisions} expected_texts={ExpectedTexts} texts={Texts} lost={Lost} duplicates={Duplicates} cooldown_violations={CooldownViolations} activity_violations={ActivityViolations} callback_violations={CallBackViolations} p50_ms={P50Ms:0} p99_ms={P99Ms:0}");

    internal static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
