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
    /// Applies the context's migrations before the service takes traffic, one replica at a time:
    /// EF Core's own migration lock did not stop two replicas starting together on an empty
    /// database from both creating the first tables (42P07), so a PostgreSQL advisory lock per
    /// context serialises them.
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
                    logger.LogWarning(retry.Outcome.Exception, "Migration failed (is the database reachable?), attempt {Attempt}", retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        await untilDatabaseAnswers.ExecuteAsync(async token =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
            // Unpooled: a pooled connection keeps its session, and the lock with it, after it is closed.
            var unpooled = new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Pooling = false };
            await using var lockHolder = new NpgsqlConnection(unpooled.ConnectionString);
            await lockHolder.OpenAsync(token);
            await using var takeLock = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", lockHolder);
            takeLock.Parameters.AddWithValue("name", $"migrations of {typeof(TContext).FullName}");
            await takeLock.ExecuteNonQueryAsync(token);
            // The lock is the session's: closing the connection releases it.
            await database.MigrateAsync(token);
        }, cancellationToken);
    }
}
