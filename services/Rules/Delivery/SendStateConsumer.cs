using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;

namespace AutoReply.Rules.Delivery;

/// <summary>
/// Copies the sender's delivery states onto the decisions, so "what happened to this contact's
/// reply?" is answered in one place. A batch's decisions are read at once and saved at once; its
/// states are applied in the order they happened, and a state never moves backwards: late callbacks
/// are ignored. A reply counts as delivered in the decisions' counts when its state first becomes
/// <c>delivered</c>, in the same transaction.
/// </summary>
public sealed class SendStateConsumer(RulesDbContext db, IDecisionCounts counts) : IConsumer<Batch<SendStateChanged>>
{
    public async Task Consume(ConsumeContext<Batch<SendStateChanged>> context)
    {
        // A batch tried again starts from what the database holds.
        db.ChangeTracker.Clear();
        List<SendStateChanged> changes = [.. context.Message.Select(m => m.Message).OrderBy(c => c.ChangedAt)];
        List<Guid> ids = [.. changes.Select(c => c.DecisionId).Distinct()];
        var decisions = await db.Decisions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, context.CancellationToken);
        List<DecisionCountChange> delivered = [];
        foreach (var change in changes)
        {
            if (!decisions.TryGetValue(change.DecisionId, out var decision) || !DeliveryStates.IsForward(decision.SendState, change.State))
            {
                continue;
            }
            decision.SendState = change.State;
            decision.ProviderMessageId = change.ProviderMessageId ?? decision.ProviderMessageId;
            decision.SendErrorCode = change.ErrorCode;
            decision.SendError = change.Error;
            decision.SendStateChangedAt = change.ChangedAt;
            if (change.State == DeliveryState.Delivered)
            {
                delivered.Add(DecisionCountChange.DeliveredReply(decision));
            }
        }
        // A concurrent change fails this save on a row version; the retry re-reads and re-compares.
        // Most batches deliver nothing (queued, sent): their save needs no transaction of its own.
        if (delivered.Count == 0)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await counts.ApplyAsync(delivered, context.CancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
