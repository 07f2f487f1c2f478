using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// Reports an insert that runs into a stored key the way PostgreSQL does (SQLSTATE 23505, naming the
/// key), so that the services' "another writer got there first" path runs on EF Core's in-memory
/// provider, which fails such an insert with an exception of its own.
/// </summary>
internal sealed class PostgresUniqueViolations : SaveChangesInterceptor
{
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Translate(eventData);
        return Task.CompletedTask;
    }

    private static void Translate(DbContextErrorEventData eventData)
    {
        var isDuplicateKey = eventData.Exception is ArgumentException
            || eventData.Exception is DbUpdateException { InnerException: not PostgresException } and not DbUpdateConcurrencyException;
        if (!isDuplicateKey || eventData.Context is not { } db)
        {
            return;
        }

        var added = db.ChangeTracker.Entries().Where(entry => entry.State == EntityState.Added).ToList();
        if (added is not [var inserted])
        {
            return;
        }

        var key = inserted.Metadata.FindPrimaryKey()!.GetName();
        var violation = new PostgresException(
            messageText: $"duplicate key value violates unique constraint \"{key}\"",
            severity: "ERROR",
            invariantSeverity: "ERROR",
            sqlState: PostgresErrorCodes.UniqueViolation,
            constraintName: key);
        throw new DbUpdateException(violation.MessageText, violation);
    }
}
