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
        DateTimeOffset[] occurredAt = [.. decisions.Select(d => d.OccurredAt.ToUniversalTime())];
        DateTimeOffset[] decidedAt = [.. decisions.Select(d => d.DecidedAt.ToUniversalTime())];
        DateTimeOffset?[] dueAt = [.. decisions.Select(d => d.DueAt?.ToUniversalTime())];
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.decisions ("Id", "EventId", "WorkspaceId", "EventType", "PhoneNumber", "Contact", "Trigger", "Outcome", "Reason", "AutoReplyId", "Message", "OccurredAt", "DecidedAt", "DueAt")
            SELECT * FROM unnest({ids}, {eventIds}, {workspaceIds}, {eventTypes}, {phoneNumbers}, {contacts}, {triggers}, {outcomes}, {reasons}, {autoReplyIds}, {messages}, {occurredAt}, {decidedAt}, {dueAt})
            """,
            cancellationToken);
    }
}
