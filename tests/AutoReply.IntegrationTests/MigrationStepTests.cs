using AutoReply.IntegrationTests.Infrastructure;
using Npgsql;

namespace AutoReply.IntegrationTests;

/// <summary>The migrations step against the real PostgreSQL: what it leaves the services' role, and how it fails.</summary>
public sealed class MigrationStepTests(RealServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_services_role_gets_the_rows_of_every_table_and_may_not_change_the_schema()
    {
        var role = $"service_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync(servers.Postgres, $"CREATE ROLE {role} LOGIN PASSWORD 'test-only'");

        Assert.Equal(0, await RealServers.RunMigrationsAsync(servers.Postgres, role, Cancellation));

        var asService = new NpgsqlConnectionStringBuilder(servers.Postgres) { Username = role, Password = "test-only" }.ConnectionString;
        await ExecuteAsync(asService, "SELECT count(*) FROM rules.decisions");
        await ExecuteAsync(asService, "UPDATE rules.cooldown_claims SET \"ClaimedUntil\" = \"ClaimedUntil\" WHERE false");
        await ExecuteAsync(asService, "SELECT count(*) FROM sender.sends");
        foreach (var change in new[] { "CREATE TABLE rules.intruder (id int)", "ALTER TABLE rules.decisions ADD COLUMN intruder int", "DROP TABLE sender.sends" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(asService, change));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task A_migration_that_cannot_run_exits_with_a_failure_so_nothing_waiting_for_it_starts()
    {
        var missing = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "no_such_database" }.ConnectionString;

        Assert.Equal(1, await RealServers.RunMigrationsAsync(missing, serviceRole: null, Cancellation));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
