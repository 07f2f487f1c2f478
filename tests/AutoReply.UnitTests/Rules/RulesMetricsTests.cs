using System.Diagnostics.Metrics;
using AutoReply.Contracts;
using AutoReply.Domain.Decisions;
using AutoReply.Rules.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.UnitTests.Rules;

public sealed class RulesMetricsTests
{
    private static Decision Decided(Outcome outcome, SuppressionReason? reason = null, ReplyLanguage? language = null) => new()
    {
        EventId = "evt-1",
        WorkspaceId = Guid.Empty,
        EventType = EventType.CallMissed,
        PhoneNumber = SampleNumbers.PhoneNumber,
        Contact = "+14155550199",
        Trigger = Trigger.MissedCall,
        Outcome = outcome,
        Reason = reason,
        Language = language,
    };

    [Fact]
    public void A_decision_counts_by_outcome_reason_trigger_and_the_language_of_its_reply()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RulesMetrics(services.GetRequiredService<IMeterFactory>());
        var counted = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument is { Name: "autoreply.rules.decisions" } && instrument.Meter.Name == RulesMetrics.MeterName)
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            counted.Add(string.Join(" ", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}"))));
        listener.Start();

        metrics.RecordDecision(Decided(Outcome.Sent, language: ReplyLanguage.French));
        metrics.RecordDecision(Decided(Outcome.Suppressed, SuppressionReason.Cooldown));

        Assert.Equal(
            ["outcome=sent reason=none trigger=missed_call language=fr", "outcome=suppressed reason=cooldown trigger=missed_call language=none"],
            counted);
    }
}
