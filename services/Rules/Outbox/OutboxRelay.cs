using Microsoft.Extensions.Options;

namespace AutoReply.Rules.Outbox;

/// <summary>How often the relay looks for messages left in the outbox, and when a message counts as left.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Older than this, a message's own sender has given up on it (it sends within milliseconds of commit).</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromSeconds(10);

    public int BatchSize { get; set; } = 200;

    /// <summary>Older than this, a message makes the service report itself degraded (<see cref="OutboxHealthCheck"/>).</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Sends what <see cref="TransactionalOutbox.DeliverAsync"/> could not: messages of a replica that crashed after
/// its commit, or that the broker refused. Every replica runs one; they share the work by row locks.
/// </summary>
public sealed partial class OutboxRelay(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<TransactionalOutbox>();
                int relayed;
                do
                {
                    relayed = await outbox.RelayOverdueAsync(settings.OverdueAfter, settings.BatchSize, stoppingToken);
                }
                while (relayed == settings.BatchSize);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(logger, settings.PollInterval, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox relay could not send overdue messages; it tries again in {Interval}")]
    private static partial void LogRelayFailed(ILogger logger, TimeSpan interval, Exception exception);
}
