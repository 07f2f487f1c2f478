using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies the context's migrations before the service takes traffic. EF Core locks the
    /// history table, so replicas starting together apply each migration once.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost host, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var untilDatabaseAnswers = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(),
                MaxRetryAttempts = 10,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = retry =>
                {
                    logger.LogWarning(retry.Outcome.Exception, "Database not reachable yet, migration attempt {Attempt}", retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        await untilDatabaseAnswers.ExecuteAsync(async token =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(token);
        }, cancellationToken);
    }
}
