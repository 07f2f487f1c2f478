using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class InsertOnce
{
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
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                           && unique.ConstraintName == uniqueConstraint)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
