using AutoReply.Contracts;
using System.Diagnostics.Metrics;
using AutoReply.Domain.Decisions;

namespace AutoReply.Rules.Evaluation;

public sealed class RulesMetrics
{
    public const string MeterName = "AutoReply.Rules";
    private readonly Counter<long> decisions;

    public RulesMetrics(IMeterFactory meters)
    {
        decisions = meters.Create(MeterName).CreateCounter<long>(
            "autoreply.rules.decisions", description: "Decisions on inbound events, by outcome and reason.");
    }

    public void RecordDecision(Decision decision) => decisions.Add(
        1,
        new KeyValuePair<string, object?>("outcome", Vocabulary.Name(decision.Outcome)),
        new KeyValuePair<string, object?>("reason", decision.Reason is { } reason ? Vocabulary.Name(reason) : "none"),
        new KeyValuePair<string, object?>("trigger", decision.Trigger is { } trigger ? Vocabulary.Name(trigger) : null));
}
