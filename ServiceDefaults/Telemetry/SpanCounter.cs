using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;

namespace AutoReply.ServiceDefaults.Telemetry;

/// <summary>
/// Counts the spans a service records (<c>autoreply.telemetry.spans</c>, by the activity source that
/// made them): what tracing costs shows beside what it traces, and the benchmark divides it by the
/// events decided.
/// </summary>
public sealed class SpanCounter : BaseProcessor<Activity>
{
    public const string MeterName = "AutoReply.Telemetry";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Spans = Meter.CreateCounter<long>("autoreply.telemetry.spans", "{span}", "Spans this service recorded for export.");

    public override void OnEnd(Activity data)
    {
        if (data.Recorded)
        {
            Spans.Add(1, new KeyValuePair<string, object?>("source", data.Source.Name));
        }
    }
}
