using System.Text.Json;
using AutoReply.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using AutoReply.Domain.Activity;
using AutoReply.Domain.Audit;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Budgets;
using AutoReply.Domain.Cooldowns;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Languages;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.OptOuts;
using AutoReply.Domain.Outbox;
using AutoReply.Domain.People;
using AutoReply.Domain.Scheduling;
using AutoReply.Domain.Workspaces;

namespace AutoReply.Domain.Data;

/// <summary>
/// The decisions and the configuration they are made from, in the <c>rules</c> schema of the shared
/// database: what the engine and the rules API both read and write. The people who sign in are not
/// here (<see cref="SchemaDbContext"/> adds them), so the engine knows nothing of Identity.
/// </summary>
public sealed class RulesDbContext(DbContextOptions<RulesDbContext> options) : DbContext(options)
{
    public const string Schema = "rules";

    // Constraint names a save's failure is told apart by; set on the model below, so they are the
    // names the migrations created.
    public const string NumberKey = "PK_numbers";
    public const string AutoReplyPerSlotIndex = "IX_auto_replies_PhoneNumber_Trigger_Schedule";
    /// <summary>A W3C <c>traceparent</c> is 55 characters in its version 00; later versions may append fields.</summary>
    private const int TraceParentLength = 128;

    public const string DecisionPerEventIndex = "IX_decisions_WorkspaceId_EventId";
    public const string OptOutKey = "PK_opt_outs";

    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<BusinessNumber> Numbers => Set<BusinessNumber>();

    public DbSet<AutoReplyDefinition> AutoReplies => Set<AutoReplyDefinition>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionCount> DecisionCounts => Set<DecisionCount>();

    public DbSet<OptOut> OptOuts => Set<OptOut>();

    public DbSet<CooldownClaim> CooldownClaims => Set<CooldownClaim>();

    public DbSet<OutboundActivity> OutboundActivity => Set<OutboundActivity>();

    public DbSet<ContactLanguage> ContactLanguages => Set<ContactLanguage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<SendBudgetCount> SendBudgets => Set<SendBudgetCount>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ScheduledReply> ScheduledReplies => Set<ScheduledReply>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreVocabulariesByName(typeof(AuditAction), typeof(WorkspaceRole));

    protected override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureTables(modelBuilder);

    /// <summary>The tables of the schema that are not Identity's, for this context and for <see cref="SchemaDbContext"/>.</summary>
    internal static void ConfigureTables(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);

        builder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.WorkspaceId, m.PersonId });
            membership.Property(m => m.Role).HasMaxLength(16);
            membership.HasIndex(m => m.PersonId);
            membership.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Workspace>(workspace =>
        {
            workspace.ToTable("workspaces");
            workspace.HasKey(w => w.Id);
            workspace.Property(w => w.Name).HasMaxLength(Workspace.MaxNameLength);
            // Every installation has it: numbers from before workspaces, and the configured key's.
            workspace.HasData(new Workspace { Id = DefaultWorkspace.Id, Name = DefaultWorkspace.Name, CreatedAt = DateTimeOffset.UnixEpoch });
        });

        builder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Name).HasMaxLength(Workspace.MaxNameLength);
            key.Property(k => k.Prefix).HasMaxLength(WorkspaceKeyShape.PrefixLength);
            key.HasIndex(k => k.Prefix).IsUnique();
            key.HasIndex(k => k.WorkspaceId);
            key.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BusinessNumber>(number =>
        {
            number.ToTable("numbers");
            number.HasKey(n => n.PhoneNumber).HasName(NumberKey);
            number.Property(n => n.PhoneNumber).HasMaxLength(16);
            number.Property(n => n.Name).HasMaxLength(BusinessNumber.MaxNameLength);
            number.Property(n => n.TimeZone).HasMaxLength(64);
            StoredAsJson(number.Property(n => n.OpeningHours));
            number.Property(n => n.Language).HasMaxLength(8);
            number.HasIndex(n => n.WorkspaceId);
            number.HasOne<Workspace>().WithMany().HasForeignKey(n => n.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            number.HasMany(n => n.AutoReplies).WithOne().HasForeignKey(r => r.PhoneNumber).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AutoReplyDefinition>(reply =>
        {
            reply.ToTable("auto_replies");
            reply.HasKey(r => r.Id);
            reply.Property(r => r.Trigger).HasMaxLength(16);
            reply.Property(r => r.Schedule).HasMaxLength(16);
            StoredAsJson(reply.Property(r => r.Translations));
            // One auto-reply per slot: a second create in a filled slot is a conflict.
            reply.HasIndex(r => new { r.PhoneNumber, r.Trigger, r.Schedule }).IsUnique().HasDatabaseName(AutoReplyPerSlotIndex);
        });

        builder.Entity<Decision>(decision =>
        {
            decision.ToTable("decisions");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.EventId).HasMaxLength(128);
            // An event id is its publisher's idempotency key: two workspaces may both use "42".
            decision.HasIndex(d => new { d.WorkspaceId, d.EventId }).IsUnique().HasDatabaseName(DecisionPerEventIndex);
            decision.HasIndex(d => new { d.PhoneNumber, d.Contact, d.DecidedAt });
            decision.HasIndex(d => d.DecidedAt);
            decision.Property(d => d.Version).IsRowVersion();
            decision.Property(d => d.Language).HasMaxLength(8);
            decision.Property(d => d.LanguageReason).HasMaxLength(32);
        });

        builder.Entity<DecisionCount>(count =>
        {
            count.ToTable("decision_counts");
            // A number's summary reads its hours in order; the key is also what the upserts conflict on.
            count.HasKey(c => new { c.WorkspaceId, c.PhoneNumber, c.Hour, c.EventType, c.Outcome, c.Reason });
            // The whole workspace's summary reads its hours across its numbers.
            count.HasIndex(c => new { c.WorkspaceId, c.Hour });
        });

        builder.Entity<OptOut>(optOut =>
        {
            optOut.ToTable("opt_outs");
            optOut.HasKey(o => new { o.PhoneNumber, o.Contact }).HasName(OptOutKey);
            optOut.Property(o => o.PhoneNumber).HasMaxLength(16);
            optOut.Property(o => o.Contact).HasMaxLength(16);
            optOut.Property(o => o.Source).HasMaxLength(16);
        });

        builder.Entity<CooldownClaim>(claim =>
        {
            claim.ToTable("cooldown_claims");
            claim.HasKey(c => new { c.PhoneNumber, c.Contact });
            claim.Property(c => c.PhoneNumber).HasMaxLength(16);
            claim.Property(c => c.Contact).HasMaxLength(16);
            claim.Property(c => c.EventId).HasMaxLength(128);
        });

        builder.Entity<ScheduledReply>(scheduled =>
        {
            scheduled.ToTable("scheduled_replies");
            scheduled.HasKey(r => r.DecisionId);
            scheduled.HasIndex(r => r.DueAt);
            scheduled.Property(r => r.TraceParent).HasMaxLength(TraceParentLength);
            scheduled.HasOne<Decision>().WithOne().HasForeignKey<ScheduledReply>(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboundActivity>(activity =>
        {
            activity.ToTable("outbound_activity");
            activity.HasKey(a => new { a.PhoneNumber, a.Contact });
            activity.Property(a => a.PhoneNumber).HasMaxLength(16);
            activity.Property(a => a.Contact).HasMaxLength(16);
        });

        builder.Entity<ContactLanguage>(language =>
        {
            language.ToTable("contact_languages");
            language.HasKey(l => new { l.PhoneNumber, l.Contact });
            language.Property(l => l.PhoneNumber).HasMaxLength(16);
            language.Property(l => l.Contact).HasMaxLength(16);
            language.Property(l => l.Language).HasMaxLength(8);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Actor).HasMaxLength(64);
            entry.Property(e => e.Action).HasMaxLength(32);
            entry.Property(e => e.Target).HasMaxLength(64);
            entry.Property(e => e.Before).HasColumnType("jsonb");
            entry.Property(e => e.After).HasColumnType("jsonb");
            entry.HasIndex(e => new { e.WorkspaceId, e.At });
        });

        builder.Entity<SendBudgetCount>(count =>
        {
            count.ToTable("send_budgets");
            count.HasKey(c => new { c.Scope, c.Day });
            count.Property(c => c.Scope).HasMaxLength(64);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("outbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.Destination).HasMaxLength(256);
            message.Property(m => m.MessageType).HasMaxLength(256);
            message.Property(m => m.Body).HasColumnType("jsonb");
            message.HasIndex(m => m.CreatedAt);
            message.Property(m => m.TraceParent).HasMaxLength(TraceParentLength);
        });
    }

    /// <summary>A value kept whole as one JSON document, compared by its JSON so an edit inside it is saved.</summary>
    private static void StoredAsJson<TValue>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TValue> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<TValue>(json, JsonSerializerOptions.Web)!,
                new ValueComparer<TValue>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<TValue>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!));
}
