using System.Diagnostics.Metrics;
using AutoReply.Sender.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.UnitTests.Sender;

public sealed class SenderMetricsTests
{
    [Fact]
    public void A_provider_call_is_recorded_in_milliseconds_in_buckets_from_1_ms_to_10_s()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new SenderMetrics(services.GetRequiredService<IMeterFactory>());
        Histogram<double>? histogram = null;
        var recorded = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument is Histogram<double> { Name: "autoreply.sender.provider.duration" } found && instrument.Meter.Name == SenderMetrics.MeterName)
                {
                    histogram = found;
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => recorded.Add(value));
        listener.Start();

        metrics.RecordProviderCall(TimeSpan.FromMilliseconds(37));

        Assert.Equal([37], recorded);
        Assert.Equal("ms", histogram!.Unit);
        var buckets = histogram.Advice!.HistogramBucketBoundaries!;
        Assert.Equal(1, buckets[0]);
        Assert.Equal(10_000, buckets[^1]);
    }
}
