using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Hosting;

namespace AutoReply.Sender.Data;

/// <summary>The sender's table of sends, in its own schema of the shared database.</summary>
public sealed class SenderDbContext(DbContextOptions<SenderDbContext> options) : DbContext(options)
{
    public const string Schema = "sender";

    /// <summary>One send per decision: the key a redelivered command's insert runs into.</summary>
    public const string SendPerDecisionKey = "PK_sends";

    public DbSet<SendRecord> Sends => Set<SendRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreVocabulariesByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<SendRecord>(send =>
        {
            send.ToTable("sends");
            send.HasKey(s => s.DecisionId).HasName(SendPerDecisionKey);
            send.Property(s => s.EventId).HasMaxLength(128);
            send.Property(s => s.From).HasMaxLength(16);
            send.Property(s => s.To).HasMaxLength(16);
            send.Property(s => s.State).HasMaxLength(16);
            send.Property(s => s.ProviderMessageId).HasMaxLength(64);
            send.HasIndex(s => s.ProviderMessageId).IsUnique();
            send.Property(s => s.Version).IsRowVersion();
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the service.</summary>
public sealed class SenderDbContextDesignFactory : IDesignTimeDbContextFactory<SenderDbContext>
{
    public SenderDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SenderDbContext>()
            .UseNpgsql("Host=localhost;Database=autoreplydb", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", SenderDbContext.Schema))
            .Options);
}
