using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Client registrations for the data stores, reading connection strings the way an Aspire AppHost
/// hands them over, each with its readiness check.
/// </summary>
public static class DataRegistration
{
    public const string DatabaseConnectionName = "autoreplydb";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext
    {
        var connectionString = RequiredConnectionString(builder, DatabaseConnectionName);
        builder.Services.AddDbContextPool<TContext>(options => options.UseNpgsql(
            connectionString,
            npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema)));
        builder.Services.AddHealthChecks().AddNpgSql(
            connectionString,
            name: $"{DatabaseConnectionName}",
            tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder)
    {
        var options = ConfigurationOptions.Parse(RequiredConnectionString(builder, RedisConnectionName));
        // Start without Redis and reconnect when it comes: the health check says it is missing meanwhile.
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(
            services => services.GetRequiredService<IConnectionMultiplexer>(),
            name: RedisConnectionName,
            tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>A connection string the service cannot run without, by its Aspire name.</summary>
    public static string RequiredConnectionString(this IHostApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name)
        ?? throw new InvalidOperationException($"ConnectionStrings__{name} is not set.");
}
