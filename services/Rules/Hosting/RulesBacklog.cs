using System.Diagnostics.Metrics;
using AutoReply.Domain.Data;
using AutoReply.Rules.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Rules.Hosting;

/// <summary>
/// What the rules engine has left waiting, for the dashboard and the alerts, read every
/// <see cref="SampleInterval"/>: the age of the outbox's oldest send command
/// (<c>autoreply.outbox.oldest_age</c>: texts decided but not leaving), the delayed replies more than
/// <see cref="OverdueAfter"/> past their due time (<c>autoreply.scheduling.overdue</c>), and the batches
/// waiting for PostgreSQL in order (<c>autoreply.rules.recovery.waiting</c>, this replica's).
/// </summary>
public sealed partial class RulesBacklog : BackgroundService
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);

    /// <summary>The due-reply poller looks every few seconds: a minute late means it is not keeping up, or not running.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(1);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<RulesBacklog> logger;
    private double outboxOldestAge;
    private long overdue;

    public RulesBacklog(IServiceScopeFactory scopes, InOrderRecovery recovery, TimeProvider clock, IMeterFactory meters, ILogger<RulesBacklog> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        var meter = meters.Create(RulesMetrics.MeterName);
        meter.CreateObservableGauge("autoreply.outbox.oldest_age", () => Volatile.Read(ref outboxOldestAge), unit: "ms",
            description: "How long the oldest send command has waited in the outbox (0 when it is empty).");
        meter.CreateObservableGauge("autoreply.scheduling.overdue", () => Interlocked.Read(ref overdue), unit: "{reply}",
            description: "Delayed replies more than a minute past their due time, neither sent nor cancelled.");
        meter.CreateObservableGauge("autoreply.rules.recovery.waiting", () => recovery.Waiting, unit: "{batch}",
            description: "Batches of events waiting, in the order they were consumed, for PostgreSQL to answer again.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // PostgreSQL away: the gauges keep their last reading; the outage is logged where events wait for it.
                LogSampleFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
        var now = clock.GetUtcNow();
        var oldest = await db.Outbox.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
        var lateBefore = now - OverdueAfter;
        var late = await db.ScheduledReplies.LongCountAsync(r => r.DueAt < lateBefore, cancellationToken);
        Volatile.Write(ref outboxOldestAge, oldest is { } createdAt ? Math.Max(0, (now - createdAt).TotalMilliseconds) : 0);
        Interlocked.Exchange(ref overdue, late);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the outbox and the delayed replies for their gauges: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string reason);
}
