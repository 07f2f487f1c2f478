using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;

namespace AutoReply.Rules.Delivery;

/// <summary>
/// Copies the sender's delivery state onto the decision, so "what happened to this contact's
/// reply?" is answered in one place. A state never moves backwards: late callbacks are ignored.
/// </summary>
public sealed class SendStateConsumer(RulesDbContext db) : IConsumer<SendStateChanged>
{
    public async Task Consume(ConsumeContext<SendStateChanged> context)
    {
        var change = context.Message;
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == change.DecisionId, context.CancellationToken);
        if (decision is null || !DeliveryStates.IsForward(decision.SendState, change.State))
        {
            return;
        }

        decision.SendState = change.State;
        decision.ProviderMessageId = change.ProviderMessageId ?? decision.ProviderMessageId;
        decision.SendErrorCode = change.ErrorCode;
        decision.SendError = change.Error;
        decision.SendStateChangedAt = change.ChangedAt;
        // A concurrent change fails this save on the row version; the retry re-reads and re-compares.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
