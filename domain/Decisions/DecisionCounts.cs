using AutoReply.Contracts;
using AutoReply.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Domain.Decisions;

/// <summary>A change to <see cref="DecisionCount"/>s: a decision's outcome counted once more or once less, or its reply delivered.</summary>
public readonly record struct DecisionCountChange(Decision Decision, Outcome Outcome, SuppressionReason? Reason, int Count, int Delivered)
{
    /// <summary>A scheduled reply settled: counted under its new outcome and reason instead of <c>scheduled</c>.</summary>
    public static IEnumerable<DecisionCountChange> Settled(Decision decision) =>
        [new(decision, Outcome.Scheduled, null, -1, 0), new(decision, decision.Outcome, decision.Reason, 1, 0)];

    /// <summary>A sent reply whose delivery state has just become <c>delivered</c> (a final state: once per reply).</summary>
    public static DecisionCountChange DeliveredReply(Decision decision) => new(decision, decision.Outcome, decision.Reason, 0, 1);
}

/// <summary>Where the later changes of decisions are counted.</summary>
public interface IDecisionCounts
{
    /// <summary>Adds <paramref name="changes"/> to the counts in the caller's transaction.</summary>
    Task ApplyAsync(IReadOnlyList<DecisionCountChange> changes, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps <see cref="DecisionCount"/>s in step with the decisions, in the transaction that changes them and
/// in one statement per batch: a summary then adds up at most a few rows per hour instead of counting
/// millions of decisions, and the counts are never behind nor ahead of the decisions. A new decision is
/// counted by the statement that writes it (<see cref="DecisionLog"/>); this applies the later changes.
/// Rows are written in key order, as the decision log writes them, so concurrent batches lock the same
/// rows in the same order and cannot deadlock.
/// </summary>
public sealed class DecisionCounts(RulesDbContext db) : IDecisionCounts
{
    public Task ApplyAsync(IReadOnlyList<DecisionCountChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        Guid[] workspaceIds = [.. changes.Select(c => c.Decision.WorkspaceId)];
        string[] phoneNumbers = [.. changes.Select(c => c.Decision.PhoneNumber)];
        DateTimeOffset[] occurredAt = [.. changes.Select(c => c.Decision.OccurredAt.ToUniversalTime())];
        string[] eventTypes = [.. changes.Select(c => Vocabulary.Name(c.Decision.EventType))];
        string[] outcomes = [.. changes.Select(c => Vocabulary.Name(c.Outcome))];
        string[] reasons = [.. changes.Select(c => c.Reason is { } reason ? Vocabulary.Name(reason) : DecisionCount.NoReason)];
        int[] counts = [.. changes.Select(c => c.Count)];
        int[] delivered = [.. changes.Select(c => c.Delivered)];
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.decision_counts ("WorkspaceId", "PhoneNumber", "Hour", "EventType", "Outcome", "Reason", "Count", "Delivered")
            SELECT change.workspace_id, change.phone_number, date_trunc('hour', change.occurred_at, 'UTC'), change.event_type, change.outcome, change.reason, sum(change.count), sum(change.delivered)
            FROM unnest({workspaceIds}, {phoneNumbers}, {occurredAt}, {eventTypes}, {outcomes}, {reasons}, {counts}, {delivered})
                AS change(workspace_id, phone_number, occurred_at, event_type, outcome, reason, count, delivered)
            GROUP BY 1, 2, 3, 4, 5, 6
            ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT ("WorkspaceId", "PhoneNumber", "Hour", "EventType", "Outcome", "Reason") DO UPDATE
                SET "Count" = decision_counts."Count" + excluded."Count", "Delivered" = decision_counts."Delivered" + excluded."Delivered"
            """,
            cancellationToken);
    }
}
