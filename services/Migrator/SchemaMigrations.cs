using System.ComponentModel.DataAnnotations;
using AutoReply.Domain.Data;
using AutoReply.Sender.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace AutoReply.Migrator;

/// <summary>The <c>Migrations</c> section.</summary>
public sealed class MigrationOptions
{
    public const string Section = "Migrations";

    /// <summary>
    /// The services' own database role, given the rows (select, insert, update, delete) of every
    /// table the migrations made and nothing else; none where the services connect as the owner
    /// (development).
    /// </summary>
    [RegularExpression("^[a-z_][a-z0-9_]*$", ErrorMessage = "Migrations:ServiceRole must be a plain lower-case PostgreSQL role name.")]
    public string? ServiceRole { get; set; }
}

/// <summary>
/// Brings the rules and sender schemas up to date, once, before the services start: they never
/// change the schema themselves.
/// </summary>
public static partial class SchemaMigrations
{
    public static IHostApplicationBuilder AddSchemaMigrations(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<SchemaDbContext>(RulesDbContext.Schema);
        builder.AddPostgresDbContext<SenderDbContext>(SenderDbContext.Schema);
        builder.Services.AddOptions<MigrationOptions>().Bind(builder.Configuration.GetSection(MigrationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Migrates both schemas; answers the process's exit code (0 when both are up to date).</summary>
    public static async Task<int> RunMigrationsAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchemaMigrations));
        var serviceRole = host.Services.GetRequiredService<IOptions<MigrationOptions>>().Value.ServiceRole;
        try
        {
            await host.MigrateAsync<SchemaDbContext>(RulesDbContext.Schema, serviceRole, logger, cancellationToken);
            await host.MigrateAsync<SenderDbContext>(SenderDbContext.Schema, serviceRole, logger, cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return 1;
        }
    }

    /// <summary>
    /// Applies the context's migrations, one migrator at a time: EF Core's own migration lock did not
    /// stop two migrators starting together on an empty database from both creating the first
    /// tables (42P07), so a PostgreSQL advisory lock per context serialises them. A database that
    /// does not answer yet (starting) is waited for.
    /// </summary>
    private static async Task MigrateAsync<TContext>(this IHost host, string schema, string? serviceRole, ILogger logger, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var untilDatabaseAnswers = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(ex => ex.IsTransient || ex is not PostgresException),
                MaxRetryAttempts = 10,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = retry =>
                {
                    LogDatabaseUnreachable(logger, retry.Outcome.Exception, schema, retry.AttemptNumber + 1);
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
            if (serviceRole is not null)
            {
                await GrantRowsAsync(database, schema, serviceRole, token);
            }
            LogMigrated(logger, schema, (await database.GetAppliedMigrationsAsync(token)).LastOrDefault());
        }, cancellationToken);
    }

    /// <summary>The service role may read and write the schema's rows; it may not create, alter or drop anything.</summary>
    private static async Task GrantRowsAsync(DatabaseFacade database, string schema, string role, CancellationToken cancellationToken)
    {
        // Identifiers cannot be parameters; both are checked names (a schema constant, a validated role).
        var (quotedSchema, quotedRole) = ($"\"{schema}\"", $"\"{role}\"");
        var grants = $"""
            GRANT USAGE ON SCHEMA {quotedSchema} TO {quotedRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {quotedSchema} TO {quotedRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quotedSchema} TO {quotedRole};
            """;
        await database.ExecuteSqlRawAsync(grants, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema {Schema} is up to date at {Migration}")]
    private static partial void LogMigrated(ILogger logger, string schema, string? migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema {Schema}: the database does not answer yet, attempt {Attempt}")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception? exception, string schema, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The migrations failed and the services will not start until they succeed; the schema is as the last successful migration left it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
