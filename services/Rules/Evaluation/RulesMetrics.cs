using AutoReply.Contracts;
using System.Diagnostics.Metrics;
using AutoReply.Domain.Decisions;

namespace AutoReply.Rules.Evaluation;

public sealed class RulesMetrics
{
    public const string MeterName = "AutoReply.Rules";
    private readonly Counter<long> decisions;
    private readonly Histogram<int> batchSizes;
    private readonly Counter<long> budgetsExhausted;

    public RulesMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        decisions = meter.CreateCounter<long>(
            "autoreply.rules.decisions", unit: "{decision}", description: "Decisions on inbound events, by outcome, reason, trigger and the language of the reply.");
        // The cost of a batch is mostly per batch: small batches under load mean the events reach the consumer slowly.
        batchSizes = meter.CreateHistogram<int>(
            "autoreply.rules.batch.size", unit: "{event}", description: "Events evaluated together in one batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100] });
        budgetsExhausted = meter.CreateCounter<long>(
            "autoreply.rules.budgets.exhausted", unit: "{budget}", description: "Daily send budgets used up, by scope (number or workspace): no more replies from them until the next day (UTC).");
    }

    public void RecordBudgetExhausted(bool ofNumber) =>
        budgetsExhausted.Add(1, new KeyValuePair<string, object?>("scope", ofNumber ? "number" : "workspace"));

    public void RecordBatch(int events) => batchSizes.Record(events);

    public void RecordDecision(Decision decision) => decisions.Add(
        1,
        new KeyValuePair<string, object?>("outcome", Vocabulary.Name(decision.Outcome)),
        new KeyValuePair<string, object?>("reason", decision.Reason is { } reason ? Vocabulary.Name(reason) : "none"),
        new KeyValuePair<string, object?>("trigger", decision.Trigger is { } trigger ? Vocabulary.Name(trigger) : null),
        new KeyValuePair<string, object?>("language", decision.Language is { } language ? Vocabulary.Name(language) : "none"));
}
