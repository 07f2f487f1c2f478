using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>Whether a failure means PostgreSQL could not be reached, rather than refused what was asked of it.</summary>
public static class DatabaseOutage
{
    /// <summary>
    /// Npgsql failing to connect or losing the connection, or the server shutting down, starting up
    /// or dropping the session (SQLSTATE class 08, 57P01–57P03), anywhere in the chain of causes.
    /// </summary>
    public static bool IsDatabaseOutage(this Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException:
                    return true;
            }
        }
        return false;
    }
}
