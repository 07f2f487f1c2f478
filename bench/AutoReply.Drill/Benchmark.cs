using System.Globalization;

namespace AutoReply.Drill;

/// <summary>
/// The benchmark: after a warm-up, the stream with no faults at the chosen rate, and in the same
/// run the raw bus rate on the same broker. The sustained rate is the accepted inbound events divided by the time
/// from the first acceptance to the last decision: at a rate the system keeps up with it equals the
/// offered rate; past it, the backlog shows as a lower figure and a growing p99.
/// </summary>
public sealed class Benchmark(DrillSystem system, DrillOptions options, TextWriter log)
{
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        options.Faults = "none";
        // The sustained rate counts replies as they are decided; a delay would only add its wait to the latency.
        options.DelayedNumbers = 0;
        if (options.WarmupSeconds > 0)
        {
            await log.WriteLineAsync($"Warming up: {options.WarmupSeconds} s of the same stream on other numbers, not counted...");
            var (warmup, _) = await new Drill(system, WarmupOf(options), TextWriter.Null).RunWithThroughputAsync(cancellationToken);
            await log.WriteLineAsync($"  warm-up: {warmup.Line()}");
        }
        var (report, sustained) = await new Drill(system, options, log).RunWithThroughputAsync(cancellationToken);
        await log.WriteLineAsync(report.Table());
        await log.WriteLineAsync("Measuring the raw bus (publish → consume, same broker, same message size)...");
        var raw = await BusProbe.MeasureAsync(system.RabbitMqConnectionString!, Math.Max(10_000, options.Rate * 10), cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"sustained_eps={sustained:0} raw_bus_eps={raw:0} ratio={sustained / raw:0.00} p99_ms={report.P99Ms:0}");
    }

    private static DrillOptions WarmupOf(DrillOptions options) => new()
    {
        Rate = options.Rate,
        Duration = options.WarmupSeconds,
        Numbers = options.Numbers,
        ContactsPerNumber = options.ContactsPerNumber,
        NumberPrefix = "+1212",
        Faults = "none",
        DelayedNumbers = 0,
        Seed = options.Seed + 1,
        SettleSeconds = options.SettleSeconds,
    };
}
