using System.Diagnostics;
using System.Diagnostics.Metrics;
using AutoReply.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Every_event_is_traced_and_counted_unless_a_sampling_ratio_is_configured()
    {
        Assert.Equal(20, await SpansRecordedAsync(new Dictionary<string, string?>()));
        Assert.Equal(0, await SpansRecordedAsync(new Dictionary<string, string?>
        {
            ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
            ["OTEL_TRACES_SAMPLER_ARG"] = "0",
        }));
    }

    /// <summary>How many of twenty root spans a service configured with <paramref name="settings"/> records, as its span counter says.</summary>
    private static async Task<long> SpansRecordedAsync(Dictionary<string, string?> settings)
    {
        // Not under "AutoReply.*": every other service host alive in this process listens there too, and would count these spans again.
        var source = $"TelemetryTests.{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, ApplicationName = source });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureOpenTelemetry();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        long recorded = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Meter.Name == SpanCounter.MeterName)
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && Equals(tag.Value, source))
                {
                    Interlocked.Add(ref recorded, value);
                }
            }
        });
        listener.Start();
        using (var activities = new ActivitySource(source))
        {
            for (var i = 0; i < 20; i++)
            {
                using var span = activities.StartActivity("an event");
            }
        }
        await host.StopAsync(TestContext.Current.CancellationToken);
        return Interlocked.Read(ref recorded);
    }
}
