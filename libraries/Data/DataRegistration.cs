using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The data stores through Aspire's client integrations (connection, health check, traces and
/// metrics), by the connection names the AppHost hands over.
/// </summary>
public static class DataRegistration
{
    public const string DatabaseConnectionName = "autoreplydb";
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// A pooled DbContext on <c>ConnectionStrings__autoreplydb</c>, its migrations history kept in
    /// its own <paramref name="schema"/> so that services sharing the database never see each other's.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext
    {
        builder.RequiredConnectionString(DatabaseConnectionName);
        builder.AddNpgsqlDbContext<TContext>(
            DatabaseConnectionName,
            settings =>
            {
                // A failed message is retried whole by the bus; EF Core's retrying strategy would also
                // forbid the explicit transactions that keep a write and its effects together.
                settings.DisableRetry = true;
                // No session state is ever set, so a pooled connection needs no DISCARD ALL each time it is returned.
                // Statements run again and again (a batch's reads, its inserts): prepared once per connection, PostgreSQL parses and plans them once.
                settings.ConnectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
                {
                    NoResetOnClose = true,
                    MaxAutoPrepare = 64,
                    AutoPrepareMinUsages = 3,
                }.ConnectionString;
            },
            options => options.UseNpgsql(npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema)));
        return builder;
    }

    /// <summary>
    /// The shared <c>IConnectionMultiplexer</c> on <c>ConnectionStrings__redis</c>; it starts without Redis
    /// and reconnects. While it is disconnected a command fails at once rather than waiting in its
    /// backlog for the reconnection: a request then gets its 503 now, not after the command timeout.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        builder.RequiredConnectionString(RedisConnectionName);
        builder.AddRedisClient(RedisConnectionName, configureOptions: options => options.BacklogPolicy = BacklogPolicy.FailFast);
        return builder;
    }
}
