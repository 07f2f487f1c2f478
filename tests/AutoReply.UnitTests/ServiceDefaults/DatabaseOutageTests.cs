using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void A_server_shutting_down_or_starting_up_is_an_outage(string sqlState) =>
        Assert.True(new DbUpdateException("save failed", Refusal(sqlState)).IsDatabaseOutage());

    [Fact]
    public void A_connection_that_cannot_be_made_is_an_outage() =>
        Assert.True(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)).IsDatabaseOutage());

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    public void A_statement_the_server_refused_is_not_an_outage(string sqlState) =>
        Assert.False(new DbUpdateException("save failed", Refusal(sqlState)).IsDatabaseOutage());

    [Fact]
    public void A_failure_of_the_code_is_not_an_outage() =>
        Assert.False(new InvalidOperationException("a bug").IsDatabaseOutage());

    private static PostgresException Refusal(string sqlState) => new("refused", "FATAL", "FATAL", sqlState);
}
