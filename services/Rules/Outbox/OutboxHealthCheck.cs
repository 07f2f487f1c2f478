using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using AutoReply.Domain.Data;

namespace AutoReply.Rules.Outbox;

/// <summary>
/// Degraded while a send command has waited in the outbox longer than
/// <see cref="OutboxOptions.StuckAfter"/>: decisions are being made but their texts are not leaving
/// (the bus is down, or refuses them because the sender has never bound its queue).
/// </summary>
public sealed class OutboxHealthCheck(RulesDbContext db, TimeProvider clock, IOptions<OutboxOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldest = await db.Outbox.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
        var waited = oldest is null ? TimeSpan.Zero : clock.GetUtcNow() - oldest.Value;
        if (waited <= options.Value.StuckAfter)
        {
            return HealthCheckResult.Healthy("Send commands leave the outbox.");
        }

        var waiting = await db.Outbox.CountAsync(cancellationToken);
        return HealthCheckResult.Degraded(
            $"{waiting} send commands are waiting in the outbox, the oldest for {waited.TotalSeconds:0} s: the bus or the sender's queue refuses them.");
    }
}
