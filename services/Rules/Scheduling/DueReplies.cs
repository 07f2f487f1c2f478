using System.ComponentModel.DataAnnotations;
using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Outbox;
using AutoReply.Domain.Policy;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.Evaluation;
using AutoReply.Rules.Hosting;
using AutoReply.Domain.Facts;

namespace AutoReply.Rules.Scheduling;

/// <summary>The <c>Scheduling</c> section: how often due replies are looked for, and how many at once.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>A due reply goes out at most this late, plus the time to settle the ones due before it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While nothing is due, the looks space out up to this: this replica's own scheduled replies wake
    /// it at their due time (<see cref="DueReplyAlarm"/>), so only a reply scheduled by a replica that
    /// has stopped can be this late.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// Settles the replies whose delay is over. Every replica looks; each due reply is locked by one
/// (<c>FOR UPDATE SKIP LOCKED</c>) and, in one transaction, its decision becomes <c>sent</c> with its
/// send command in the outbox, or <c>cancelled</c> with the reason, and the scheduled row is gone:
/// a crash before the commit leaves it due for the next look, a commit settles it for good.
/// </summary>
public sealed partial class DueReplies(
    RulesDbContext db,
    IDecisionCounts counts,
    IContactActivityStore activity,
    TransactionalOutbox outbox,
    TimeProvider clock,
    RulesMetrics metrics,
    ILogger<DueReplies> logger)
{
    /// <summary>Settles up to <paramref name="limit"/> due replies; answers how many.</summary>
    public async Task<int> SettleDueAsync(int limit, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.ScheduledReplies
            .FromSql($"""SELECT * FROM rules.scheduled_replies WHERE "DueAt" <= {now} ORDER BY "DueAt" LIMIT {limit} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        using var traced = PollTracing.WorkFound("Settle due replies", due.Count, due.Select(d => d.TraceParent));

        List<Guid> ids = [.. due.Select(d => d.DecisionId)];
        var decisions = await db.Decisions.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        List<string> phoneNumbers = [.. decisions.Select(d => d.PhoneNumber).Distinct()];
        List<string> contacts = [.. decisions.Select(d => d.Contact).Distinct()];
        var numbers = await db.Numbers.AsNoTracking().Include(n => n.AutoReplies)
            .Where(n => phoneNumbers.Contains(n.PhoneNumber))
            .ToDictionaryAsync(n => n.PhoneNumber, cancellationToken);
        var optedOut = (await db.OptOuts.AsNoTracking().Where(o => phoneNumbers.Contains(o.PhoneNumber) && contacts.Contains(o.Contact)).ToListAsync(cancellationToken))
            .Where(o => o.IsOptedOut)
            .Select(o => new ContactKey(o.PhoneNumber, o.Contact))
            .ToHashSet();
        // The business answering at any moment since the contact's call or text cancels the reply.
        var answered = await activity.LastOutboundAsync(
            decisions.GroupBy(Key).ToDictionary(g => g.Key, g => g.Min(d => d.OccurredAt)), cancellationToken);

        List<OutboxMessage> commands = [];
        foreach (var decision in decisions)
        {
            var reason = ReplyPolicy.CancellationAtDueTime(new DueReply(decision, numbers.GetValueOrDefault(decision.PhoneNumber), optedOut.Contains(Key(decision)),
                answered.TryGetValue(Key(decision), out var at) ? at : null));
            if (reason is null)
            {
                decision.Outcome = Outcome.Sent;
                commands.Add(outbox.AddReply(decision));
            }
            else
            {
                decision.Outcome = Outcome.Cancelled;
                decision.Reason = reason;
            }
        }
        db.ScheduledReplies.RemoveRange(due);
        await db.SaveChangesAsync(cancellationToken);
        await counts.ApplyAsync([.. decisions.SelectMany(DecisionCountChange.Settled)], cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);

        await outbox.DeliverAsync(commands, cancellationToken);
        foreach (var decision in decisions)
        {
            metrics.RecordDecision(decision);
            LogSettled(logger, decision.EventId, decision.Outcome, decision.Reason, now - decision.DueAt!.Value, decision.PhoneNumber, decision.Contact);
        }
        return due.Count;
    }

    private static ContactKey Key(Decision decision) => new(decision.PhoneNumber, decision.Contact);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId}: scheduled reply {Outcome} {Reason}, {Late} after its due time, for {PhoneNumber} to {Contact}")]
    private static partial void LogSettled(ILogger logger, string eventId, Outcome outcome, SuppressionReason? reason, TimeSpan late, [PhoneNumber] string phoneNumber, [PhoneNumber] string contact);
}

/// <summary>
/// Looks for due replies on every replica: every <see cref="SchedulingOptions.PollInterval"/> while
/// it finds some, further apart while it does not, and at once when a reply it scheduled falls due.
/// A failure leaves them due.
/// </summary>
public sealed class DueReplyDispatcher(IServiceScopeFactory scopes, DueReplyAlarm alarm, IOptions<SchedulingOptions> options, TimeProvider clock, ILogger<DueReplyDispatcher> logger)
    : RecurringBatches(scopes, clock, logger)
{
    protected override string Work => "Settling the due replies";

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override TimeSpan IdleInterval => options.Value.IdleInterval;

    protected override Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken) => alarm.WaitAsync(wait, stoppingToken);

    protected override int BatchSize => options.Value.BatchSize;

    protected override Task<int> RunBatchAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DueReplies>().SettleDueAsync(BatchSize, cancellationToken);
}
