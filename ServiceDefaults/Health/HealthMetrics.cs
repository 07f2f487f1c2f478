using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace AutoReply.ServiceDefaults.Health;

/// <summary>
/// Every health check, run in the background by ASP.NET Core's publisher: its last status as a gauge
/// (the dashboard and alerts see a dependency down without anyone polling the report), and a log line
/// each time a check changes status.
/// </summary>
public sealed partial class HealthMetrics : IHealthCheckPublisher
{
    public const string MeterName = "AutoReply.Health";

    private readonly ILogger<HealthMetrics> logger;
    private volatile IReadOnlyDictionary<string, HealthReportEntry> last = new Dictionary<string, HealthReportEntry>();

    public HealthMetrics(IMeterFactory meters, ILogger<HealthMetrics> logger)
    {
        this.logger = logger;
        meters.Create(MeterName).CreateObservableGauge(
            "autoreply.health.status",
            Observe,
            unit: "{status}",
            description: "Each health check's last status: 2 healthy, 1 degraded, 0 unhealthy.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var before = last.TryGetValue(name, out var previous) ? previous.Status : HealthStatus.Healthy;
            if (entry.Status != before)
            {
                LogStatusChanged(logger, entry.Status == HealthStatus.Healthy ? LogLevel.Information : LogLevel.Warning,
                    name, entry.Status, entry.Description ?? entry.Exception?.Message);
            }
        }
        last = report.Entries;
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe() =>
        last.Select(entry => new Measurement<int>((int)entry.Value.Status, new KeyValuePair<string, object?>("check", entry.Key)));

    [LoggerMessage(Message = "Health check {Check} is now {Status}: {Description}")]
    private static partial void LogStatusChanged(ILogger logger, LogLevel level, string check, HealthStatus status, string? description);
}
