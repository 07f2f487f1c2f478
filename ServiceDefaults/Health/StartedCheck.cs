using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AutoReply.ServiceDefaults.Health;

/// <summary>
/// Readiness: the host has started (its configuration validated, its hosted services running) and is
/// not stopping. Dependencies are left out on purpose: a Redis or broker blip would take every replica
/// out of its Service at once, where requests should get a 503 with Retry-After instead.
/// </summary>
public sealed class StartedCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "started";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("Stopping.")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy("Started.")
            : HealthCheckResult.Unhealthy("Starting."));
}
