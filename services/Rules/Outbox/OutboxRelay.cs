using Microsoft.Extensions.Options;
using AutoReply.Rules.Hosting;

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
public sealed class OutboxRelay(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxRelay> logger)
    : RecurringBatches(scopes, clock, logger)
{
    protected override string Work => "Sending the outbox's overdue messages";

    protected override TimeSpan Interval => options.Value.PollInterval;

    /// <summary>A message is only the relay's once overdue: while none is, looking as often as that is enough.</summary>
    protected override TimeSpan IdleInterval => options.Value.OverdueAfter;

    protected override int BatchSize => options.Value.BatchSize;

    protected override Task<int> RunBatchAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TransactionalOutbox>().RelayOverdueAsync(options.Value.OverdueAfter, BatchSize, cancellationToken);
}
