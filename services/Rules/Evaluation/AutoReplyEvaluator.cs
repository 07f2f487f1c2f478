using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Rules.Data;
using AutoReply.Rules.Decisions;
using AutoReply.Rules.OptOuts;
using AutoReply.ServiceDefaults.Logging;
using AutoReply.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Decides one inbound event: reads the number's current settings (never cached, so an edit or a
/// delete counts from the very next event on every replica), applies <see cref="ReplyPolicy"/>,
/// claims the cooldown and records exactly one decision per event id in one transaction, and sends
/// the send command for a <c>sent</c> decision.
/// </summary>
public sealed partial class AutoReplyEvaluator(
    RulesDbContext db,
    IContactActivityStore activity,
    ICooldownStore cooldowns,
    ISendEndpointProvider sendEndpoints,
    TimeProvider clock,
    RulesMetrics metrics,
    ILogger<AutoReplyEvaluator> logger)
{
    public async Task<Decision> EvaluateAsync(InboundEvent e, CancellationToken cancellationToken)
    {
        var existing = await db.Decisions.SingleOrDefaultAsync(d => d.EventId == e.EventId, cancellationToken);
        if (existing is not null)
        {
            // A redelivery: the decision stands; only a send command that never reached the bus is sent again.
            await EnsureCommandSentAsync(existing, cancellationToken);
            return existing;
        }

        var number = await db.Numbers.AsNoTracking().Include(n => n.AutoReplies)
            .SingleOrDefaultAsync(n => n.PhoneNumber == e.PhoneNumber, cancellationToken);
        var now = clock.GetUtcNow();
        var optOut = await db.OptOuts.SingleOrDefaultAsync(o => o.PhoneNumber == e.PhoneNumber && o.Contact == e.Contact, cancellationToken);
        var lastOutbound = number is null
            ? null
            : await activity.LastOutboundSinceAsync(e.PhoneNumber, e.Contact, ReplyPolicy.RecentActivitySince(e, number), cancellationToken);
        var verdict = ReplyPolicy.Evaluate(new EvaluationInput(e, number, now, lastOutbound, optOut is not null));
        ApplyKeyword(verdict, e, optOut, now);

        // Only a reply claims the cooldown, so only a reply needs a transaction around claim and decision.
        Decision decision;
        await using (var transaction = verdict is Reply ? await db.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            if (verdict is Reply reply && !await cooldowns.TryClaimAsync(e.PhoneNumber, e.Contact, e.EventId, now, reply.Cooldown, cancellationToken))
            {
                verdict = new Suppress(SuppressionReason.Cooldown, reply.AutoReply.Id);
            }

            decision = Record(e, verdict, now);
            if (!await db.TryInsertAsync(decision, RulesDbContext.DecisionPerEventIndex, cancellationToken))
            {
                // Another delivery of the same event decided first; its decision (and claim) is the one.
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }
                return await db.Decisions.SingleAsync(d => d.EventId == e.EventId, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
        }

        if (verdict is Reply claimed)
        {
            await cooldowns.RememberAsync(e.PhoneNumber, e.Contact, e.EventId, now + claimed.Cooldown);
        }

        metrics.RecordDecision(decision);
        LogDecision(logger, decision.EventId, decision.Outcome, decision.Reason, decision.PhoneNumber, decision.Contact);
        await EnsureCommandSentAsync(decision, cancellationToken);
        return decision;
    }

    /// <summary>STOP and START change the opt-out in the same transaction as the keyword's decision.</summary>
    private void ApplyKeyword(Verdict verdict, InboundEvent e, OptOut? optOut, DateTimeOffset now)
    {
        switch ((verdict as Suppress)?.Keyword)
        {
            case KeywordKind.OptOut when optOut is null:
                db.OptOuts.Add(new OptOut { PhoneNumber = e.PhoneNumber, Contact = e.Contact, OptedOutAt = now, Source = OptOutSource.Keyword });
                break;
            case KeywordKind.OptIn when optOut is not null:
                db.OptOuts.Remove(optOut);
                break;
        }
    }

    private static Decision Record(InboundEvent e, Verdict verdict, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = e.EventId,
        EventType = e.EventType,
        PhoneNumber = e.PhoneNumber,
        Contact = e.Contact,
        Trigger = e.Trigger,
        OccurredAt = e.OccurredAt,
        DecidedAt = now,
        Outcome = verdict is Reply ? Outcome.Sent : Outcome.Suppressed,
        Reason = (verdict as Suppress)?.Reason,
        AutoReplyId = verdict switch
        {
            Reply reply => reply.AutoReply.Id,
            Suppress suppress => suppress.AutoReplyId,
            _ => null,
        },
        Message = (verdict as Reply)?.Text,
    };

    private async Task EnsureCommandSentAsync(Decision decision, CancellationToken cancellationToken)
    {
        if (decision.Outcome != Outcome.Sent || decision.CommandPublishedAt is not null)
        {
            return;
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(Queues.SendAutoReplyAddress);
        // Routed: until the sender has bound its queue the command is refused (and the event retried), not dropped.
        await endpoint.SendRoutedAsync(
            new SendAutoReply(decision.Id, decision.EventId, decision.PhoneNumber, decision.Contact, decision.Message!, decision.DecidedAt),
            cancellationToken);

        decision.CommandPublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId}: {Outcome} {Reason} for {PhoneNumber} to {Contact}")]
    private static partial void LogDecision(ILogger logger, string eventId, Outcome outcome, SuppressionReason? reason, [PhoneNumber] string phoneNumber, [PhoneNumber] string contact);
}
