using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace AutoReply.Drill;

/// <summary>What the system spent over the measured stream, per event decided; the CPU time also by process name, most first.</summary>
public sealed record EventCost(
    double CpuMsPerEvent,
    double? PgStatementsPerEvent,
    double? SpansPerEvent,
    IReadOnlyList<(string Process, double CpuMsPerEvent)> CpuByProcess,
    IReadOnlyList<(string Statement, double CallsPerEvent)> TopStatements,
    IReadOnlyList<(string Source, double SpansPerEvent)> SpansBySource);

/// <summary>
/// Reads what the system spends while the benchmark runs: the CPU time of every process the
/// AppHost started (services, servers, dashboard, orchestrator; from <c>/proc</c>, the load
/// generator excluded), PostgreSQL's statements (<c>pg_stat_statements</c>) and the spans the
/// services recorded (their <c>autoreply.telemetry.spans</c> counter, scraped from <c>/metrics</c>).
/// </summary>
public sealed partial class SystemCost
{
    /// <summary>Marks the benchmark's own statements, which are not the system's cost.</summary>
    public const string OwnStatement = "/* autoreply-bench */";

    private static readonly HttpClient Scraper = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly DrillSystem system;
    private readonly Dictionary<int, ProcessStat> cpuAtStart;
    private readonly Dictionary<string, double> spansAtStart;
    private readonly bool statementsCounted;

    private SystemCost(DrillSystem system, Dictionary<int, ProcessStat> cpuAtStart, Dictionary<string, double> spansAtStart, bool statementsCounted)
    {
        this.system = system;
        this.cpuAtStart = cpuAtStart;
        this.spansAtStart = spansAtStart;
        this.statementsCounted = statementsCounted;
    }

    public static async Task<SystemCost> StartAsync(DrillSystem system, CancellationToken cancellationToken)
    {
        var statementsCounted = await ResetStatementsAsync(system, cancellationToken);
        return new SystemCost(system, CpuTicksOfTheSystem(), await SpansAsync(system, cancellationToken), statementsCounted);
    }

    public async Task<EventCost> PerEventAsync(int eventsDecided, CancellationToken cancellationToken)
    {
        var spent = CpuTicksOfTheSystem().Values
            .Select(process => (process.Name, Ticks: process.CpuTicks - (cpuAtStart.TryGetValue(process.Pid, out var before) ? before.CpuTicks : 0)))
            .ToList();
        var spans = (await SpansAsync(system, cancellationToken))
            .Select(source => (source.Key, Spans: source.Value - spansAtStart.GetValueOrDefault(source.Key)))
            .ToList();
        var statements = statementsCounted ? await StatementsAsync(system, cancellationToken) : [];
        var events = Math.Max(eventsDecided, 1);
        double PerEvent(long ticks) => ticks * 1000.0 / ClockTicksPerSecond / events;
        return new EventCost(
            PerEvent(spent.Sum(process => process.Ticks)),
            statementsCounted ? statements.Sum(statement => statement.Calls) / events : null,
            system.ServiceMetricsUrls().Count == 0 ? null : spans.Sum(source => source.Spans) / events,
            [.. spent.GroupBy(process => process.Name).Select(g => (g.Key, PerEvent(g.Sum(process => process.Ticks)))).OrderByDescending(process => process.Item2)],
            [.. statements.Take(12).Select(statement => (statement.Query, statement.Calls / events))],
            [.. spans.Select(source => (source.Key, source.Spans / events)).OrderByDescending(source => source.Item2)]);
    }

    /// <summary>Linux's <c>USER_HZ</c>: <c>/proc</c> counts CPU time in hundredths of a second on every architecture .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>
    /// User and system CPU time, by pid, of what the AppHost started: its orchestrator (DCP, which
    /// detaches from this process) and every process under it or under this one, this one excluded.
    /// </summary>
    private static Dictionary<int, ProcessStat> CpuTicksOfTheSystem()
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? ReadStat(pid) : null)
            .OfType<ProcessStat>()
            .ToDictionary(stat => stat.Pid);
        var self = Environment.ProcessId;
        var roots = stats.Values.Where(stat => stat.Name.StartsWith("dcp", StringComparison.Ordinal)).Select(stat => stat.Pid).Append(self).ToHashSet();
        return stats.Values
            .Where(stat => stat.Pid != self && (roots.Contains(stat.Pid) || DescendsFromAny(stat, roots, stats)))
            .ToDictionary(stat => stat.Pid);
    }

    private static bool DescendsFromAny(ProcessStat stat, HashSet<int> ancestors, Dictionary<int, ProcessStat> stats)
    {
        for (var parent = stat.ParentPid; parent > 1; parent = stats.TryGetValue(parent, out var next) ? next.ParentPid : 0)
        {
            if (ancestors.Contains(parent))
            {
                return true;
            }
        }
        return false;
    }

    private sealed record ProcessStat(int Pid, string Name, int ParentPid, long CpuTicks);

    private static ProcessStat? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name, in parentheses, may hold spaces: the fields are counted after its closing parenthesis.
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcessStat(pid, name, int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // Gone between the listing and the read.
        }
    }

    private static async Task<bool> ResetStatementsAsync(DrillSystem system, CancellationToken cancellationToken)
    {
        if (system.DatabaseConnectionString is null)
        {
            return false;
        }
        try
        {
            await using var connection = new NpgsqlConnection(system.DatabaseConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"{OwnStatement} CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException)
        {
            return false; // A server without pg_stat_statements loaded (a container's): the figure is left out.
        }
    }

    /// <summary>Every statement shape the system ran since the reset, most called first.</summary>
    private static async Task<List<(string Query, double Calls)>> StatementsAsync(DrillSystem system, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(system.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"{OwnStatement} SELECT query, calls::float8 FROM pg_stat_statements WHERE query NOT LIKE '%autoreply-bench%' AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statements = new List<(string, double)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add((reader.GetString(0), reader.GetDouble(1)));
        }
        return statements;
    }

    /// <summary>The spans recorded so far, by service and activity source, summed over the replicas.</summary>
    private static async Task<Dictionary<string, double>> SpansAsync(DrillSystem system, CancellationToken cancellationToken)
    {
        var spans = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (service, url) in system.ServiceMetricsUrls())
        {
            var text = await Scraper.GetStringAsync(url, cancellationToken);
            foreach (Match match in SpanCounterLine().Matches(text))
            {
                var key = $"{service} {match.Groups["source"].Value}";
                spans[key] = spans.GetValueOrDefault(key) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return spans;
    }

    [GeneratedRegex(@"^autoreply_telemetry_spans_total\{[^}]*source=""(?<source>[^""]*)""[^}]*\}\s+(?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SpanCounterLine();
}
