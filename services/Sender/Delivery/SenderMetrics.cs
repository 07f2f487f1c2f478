using AutoReply.Contracts;
using System.Diagnostics.Metrics;
using AutoReply.ServiceDefaults.Telemetry;

namespace AutoReply.Sender.Delivery;

public sealed class SenderMetrics
{
    public const string MeterName = "AutoReply.Sender";
    private readonly Counter<long> states;
    private readonly Histogram<double> providerLatency;

    public SenderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        states = meter.CreateCounter<long>("autoreply.sender.sends", unit: "{send}", description: "Sends reaching a state (queued, sent, delivered, undelivered, failed).");
        providerLatency = meter.CreateHistogram<double>(
            "autoreply.sender.provider.duration", unit: DurationBuckets.Unit, description: "Time the provider took to answer a send, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Milliseconds });
    }

    public void RecordState(DeliveryState state) => states.Add(1, new KeyValuePair<string, object?>("state", Vocabulary.Name(state)));

    public void RecordProviderCall(TimeSpan elapsed) => providerLatency.Record(elapsed.TotalMilliseconds);
}
