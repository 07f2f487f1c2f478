using AutoReply.Contracts;
using AutoReply.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Domain.Decisions;

/// <summary>Where a batch's decisions are written.</summary>
public interface IDecisionLog
{
    /// <summary>
    /// Writes <paramref name="decisions"/> in the caller's transaction. An event already decided in its
    /// workspace fails the write as a unique violation of <see cref="RulesDbContext.DecisionPerEventIndex"/>.
    /// </summary>
    Task WriteAsync(IReadOnlyList<Decision> decisions, CancellationToken cancellationToken);
}

/// <summary>
/// One INSERT for the whole batch, each column sent as an array. EF Core sends one INSERT per entity
/// (in one round trip, but each bound, planned and executed apart): one per event, the statement the
/// system ran most.
/// </summary>
/// <remarks>
/// The same statement counts the batch's decisions into <see cref="DecisionCount"/>s (a data-modifying
/// CTE): counting in the write costs no statement more per batch and keeps the counts exact, where a
/// periodic roll-up would need its own bookkeeping of what it has counted and would show a summary behind
/// the decisions. A batch that fails (an event already decided) counts nothing.
/// </remarks>
public sealed class DecisionLog(RulesDbContext db) : IDecisionLog
{
    public Task WriteAsync(IReadOnlyList<Decision> decisions, CancellationToken cancellationToken)
    {
        if (decisions.Count == 0)
        {
            return Task.CompletedTask;
        }

        Guid[] ids = [.. decisions.Select(d => d.Id)];
        string[] eventIds = [.. decisions.Select(d => d.EventId)];
        Guid[] workspaceIds = [.. decisions.Select(d => d.WorkspaceId)];
        string[] eventTypes = [.. decisions.Select(d => Vocabulary.Name(d.EventType))];
        string[] phoneNumbers = [.. decisions.Select(d => d.PhoneNumber)];
        string[] contacts = [.. decisions.Select(d => d.Contact)];
        string?[] triggers = [.. decisions.Select(d => d.Trigger is { } trigger ? Vocabulary.Name(trigger) : null)];
        string[] outcomes = [.. decisions.Select(d => Vocabulary.Name(d.Outcome))];
        string?[] reasons = [.. decisions.Select(d => d.Reason is { } reason ? Vocabulary.Name(reason) : null)];
        Guid?[] autoReplyIds = [.. decisions.Select(d => d.AutoReplyId)];
        string?[] messages = [.. decisions.Select(d => d.Message)];
        string?[] languages = [.. decisions.Select(d => d.Language is { } language ? Vocabulary.Name(language) : null)];
        string?[] languageReasons = [.. decisions.Select(d => d.LanguageReason is { } reason ? Vocabulary.Name(reason) : null)];
        DateTimeOffset[] occurredAt = [.. decisions.Select(d => d.OccurredAt.ToUniversalTime())];
        DateTimeOffset[] decidedAt = [.. decisions.Select(d => d.DecidedAt.ToUniversalTime())];
        DateTimeOffset?[] dueAt = [.. decisions.Select(d => d.DueAt?.ToUniversalTime())];
        return db.Database.ExecuteSqlAsync(
            $"""
            WITH written AS (
                INSERT INTO rules.decisions ("Id", "EventId", "WorkspaceId", "EventType", "PhoneNumber", "Contact", "Trigger", "Outcome", "Reason", "AutoReplyId", "Message", "Language", "LanguageReason", "OccurredAt", "DecidedAt", "DueAt")
                SELECT * FROM unnest({ids}, {eventIds}, {workspaceIds}, {eventTypes}, {phoneNumbers}, {contacts}, {triggers}, {outcomes}, {reasons}, {autoReplyIds}, {messages}, {languages}, {languageReasons}, {occurredAt}, {decidedAt}, {dueAt})
                RETURNING "WorkspaceId", "PhoneNumber", "OccurredAt", "EventType", "Outcome", "Reason"
            )
            -- The upsert of DecisionCounts.ApplyAsync, in the same key order.
            INSERT INTO rules.decision_counts ("WorkspaceId", "PhoneNumber", "Hour", "EventType", "Outcome", "Reason", "Count", "Delivered")
            SELECT "WorkspaceId", "PhoneNumber", date_trunc('hour', "OccurredAt", 'UTC'), "EventType", "Outcome", coalesce("Reason", ''), count(*), 0
            FROM written
            GROUP BY 1, 2, 3, 4, 5, 6
            ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT ("WorkspaceId", "PhoneNumber", "Hour", "EventType", "Outcome", "Reason") DO UPDATE
                SET "Count" = decision_counts."Count" + excluded."Count"
            """,
            cancellationToken);
    }
}
