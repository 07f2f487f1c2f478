using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which of the model's constraints a failed save ran into. Constraint names come from the model
/// (<c>HasName</c>, <c>HasDatabaseName</c>), so they cannot drift from what the migrations created.
/// </summary>
public static class ConstraintViolations
{
    /// <summary>
    /// Another writer holds the unique key <paramref name="constraint"/> (any unique key when null):
    /// PostgreSQL's error itself (a statement of our own), or inside EF Core's (a save).
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception, string? constraint = null) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } violation
        && (constraint is null || violation.ConstraintName == constraint);

    /// <summary>The row this one refers to is gone (deleted by another request meanwhile).</summary>
    public static bool IsForeignKeyViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    /// <summary>
    /// Inserts <paramref name="entity"/> unless another writer (a redelivery on another replica)
    /// inserted the same key first, as told by <paramref name="uniqueConstraint"/>. False means the
    /// other row stands: the caller reads it. Any other failure is left to the caller's retries.
    /// </summary>
    public static async Task<bool> TryInsertAsync<T>(this DbContext db, T entity, string uniqueConstraint, CancellationToken cancellationToken)
        where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(uniqueConstraint))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
