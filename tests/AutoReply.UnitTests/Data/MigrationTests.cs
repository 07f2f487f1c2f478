using AutoReply.Sender.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using AutoReply.Domain.Data;

namespace AutoReply.UnitTests.Data;

/// <summary>
/// The migrations create what the model says, including the constraint names that saves are told
/// apart by: a model change without its migration fails here, not on a user's database.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void Rules_migrations_cover_the_model() => AssertCovered(new SchemaDbContextDesignFactory());

    [Fact]
    public void Sender_migrations_cover_the_model() => AssertCovered(new SenderDbContextDesignFactory());

    private static void AssertCovered<TContext>(IDesignTimeDbContextFactory<TContext> factory)
        where TContext : DbContext
    {
        using var db = factory.CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), $"{typeof(TContext).Name} has model changes without a migration: run dotnet ef migrations add.");
    }
}
