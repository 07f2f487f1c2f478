using System.Globalization;
using Npgsql;

namespace AutoReply.Drill;

/// <summary>
/// The benchmark: after a warm-up, the realistic stream with no faults at the chosen rate, the
/// system's telemetry received by the dashboard as in development, and in the same run the raw bus
/// rate on the same broker. It prints progress while it runs and one line at the end:
/// the sustained rate (accepted inbound events over the time from the first acceptance to the last
/// decision: at a rate the system keeps up with it is the offered rate; past it the backlog shows
/// as a lower figure and a growing p99), its ratio to the raw bus, accepted → decision latency,
/// and what each event cost (<see cref="SystemCost"/>). The per-second series and its plot are
/// written to <see cref="DrillOptions.Output"/>.
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
            var warmup = await new Drill(system, WarmupOf(options), TextWriter.Null).RunWithThroughputAsync(cancellationToken);
            await log.WriteLineAsync($"  warm-up: {warmup.Report.Line()}");
        }

        SystemCost? measuring = null;
        EventCost? cost = null;
        var run = await new Drill(system, options, log).RunWithThroughputAsync(
            cancellationToken,
            beforeStream: async token => measuring = await SystemCost.StartAsync(system, token),
            watch: async (watch, token) => cost = await measuring!.PerEventAsync(await ReportProgressAsync(watch, token), token));
        await log.WriteLineAsync(run.Report.Table());
        await log.WriteLineAsync("CPU per event decided, by process (ms):");
        foreach (var (process, ms) in cost!.CpuByProcess.Where(process => process.CpuMsPerEvent >= 0.01))
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {process,-20} {ms,6:0.00}"));
        }
        await log.WriteLineAsync("PostgreSQL statements per event decided, the most called:");
        foreach (var (statement, calls) in cost.TopStatements)
        {
            var text = string.Join(' ', statement.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {calls,6:0.00}  {(text.Length > 110 ? text[..110] + "…" : text)}"));
        }

        await log.WriteLineAsync("Spans per event decided, by service and source:");
        foreach (var (source, spans) in cost.SpansBySource.Where(source => source.SpansPerEvent >= 0.01))
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {spans,6:0.00}  {source}"));
        }

        await log.WriteLineAsync("Measuring the raw bus (publish → consume, same broker, same message size)...");
        var raw = await BusProbe.MeasureAsync(system.RabbitMqConnectionString!, Math.Max(10_000, options.Rate * 10), cancellationToken);

        var toDecision = run.Decisions.Select(d => (d.DecidedAt - run.Accepted[d.EventId]).TotalMilliseconds).Order().ToList();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"sustained_eps={run.DecisionsPerSecond:0} raw_bus_eps={raw:0} ratio={run.DecisionsPerSecond / raw:0.000} p50_ms={DrillReport.Percentile(toDecision, 0.50):0} p99_ms={DrillReport.Percentile(toDecision, 0.99):0} " +
            $"cpu_ms_per_event={cost!.CpuMsPerEvent:0.00} pg_statements_per_event={Figure(cost.PgStatementsPerEvent)} spans_per_event={Figure(cost.SpansPerEvent)}");
        var written = BenchSeries.Write(run, options, line);
        await log.WriteLineAsync($"Per-second series and plot: {string.Join(", ", written)}");
        return line;
    }

    private static string Figure(double? value) => value is { } figure ? figure.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>
    /// A line every <see cref="DrillOptions.ProgressSeconds"/> (posted, decided, backlog) until the
    /// stream is posted and every accepted inbound event decided; returns how many were decided.
    /// </summary>
    private async Task<int> ReportProgressAsync(BenchWatch watch, CancellationToken cancellationToken)
    {
        var started = watch.Started;
        var patience = TimeSpan.FromSeconds(options.Duration + options.SettleSeconds);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.ProgressSeconds), cancellationToken);
            var inbound = watch.InboundAccepted();
            var decided = await DecidedSinceAsync(watch.PhoneNumbers, started.AddSeconds(-1), cancellationToken);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {(DateTimeOffset.UtcNow - started).TotalSeconds,4:0} s  posted {watch.Sender.Accepted.Count,7:N0}  decided {decided,7:N0}  backlog {Math.Max(0, inbound - decided),6:N0}"));
            if ((watch.Posting.IsCompleted && decided >= inbound) || DateTimeOffset.UtcNow - started > patience)
            {
                return decided;
            }
        }
    }

    private async Task<int> DecidedSinceAsync(IReadOnlyCollection<string> phoneNumbers, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(system.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""{SystemCost.OwnStatement} SELECT count(*)::int FROM rules.decisions WHERE "DecidedAt" >= $1 AND "PhoneNumber" = ANY($2)""", connection)
        {
            Parameters = { new() { Value = since }, new() { Value = phoneNumbers.ToArray() } },
        };
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
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
