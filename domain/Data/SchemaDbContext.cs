using AutoReply.Domain.People;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore.Design;
using AutoReply.Domain.Audit;
using AutoReply.Security;

namespace AutoReply.Domain.Data;

/// <summary>
/// The whole <c>rules</c> schema: <see cref="RulesDbContext"/>'s tables and the people who sign in to
/// manage them (ASP.NET Core Identity's user tables, and the keys that protect their tokens). The
/// migrations are made for it and the rules API signs people in through it; the engine never opens it.
/// </summary>
public sealed class SchemaDbContext(DbContextOptions<SchemaDbContext> options)
    : IdentityUserContext<Person, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreVocabulariesByName(typeof(AuditAction), typeof(WorkspaceRole));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        RulesDbContext.ConfigureTables(builder);
        builder.Entity<Person>().ToTable("people");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("person_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("person_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("person_tokens");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<Membership>().HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting a service.</summary>
public sealed class SchemaDbContextDesignFactory : IDesignTimeDbContextFactory<SchemaDbContext>
{
    public SchemaDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SchemaDbContext>()
            .UseNpgsql("Host=localhost;Database=autoreplydb", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", RulesDbContext.Schema))
            .Options);
}
