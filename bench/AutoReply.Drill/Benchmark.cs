using System.Globalization;

namespace AutoReply.Drill;

/// <summary>
/// The benchmark: the stream with no faults at the chosen rate, and in the same run the raw bus
/// rate on the same broker. The sustained rate is the accepted inbound events divided by the time
/// from the first acceptance to the last decision: at a rate the system keeps up with it equals the
/// offered rate; past it, the backlog shows as a lower figure and a growing p99.
/// </summary>
public sealed class Benchmark(DrillSystem system, DrillOptions options, TextWriter log)
{
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        options.Faults = "none";
        var (report, sustained) = await new Drill(system, options, log).RunWithThroughputAsync(cancellationToken);
        await log.WriteLineAsync(report.Table());
        await log.WriteLineAsync("Measuring the raw bus (publish → consume, same broker, same message size)...");
        var raw = await BusProbe.MeasureAsync(system.RabbitMqConnectionString!, Math.Max(10_000, options.Rate * 10), cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"sustained_eps={sustained:0} raw_bus_eps={raw:0} ratio={sustained / raw:0.00} p99_ms={report.P99Ms:0}");
    }
}
