using System.Diagnostics;
using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Logging;
using AutoReply.Security;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.OptOuts;
using AutoReply.Domain.Outbox;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Scheduling;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.Scheduling;
using AutoReply.Domain.Facts;
using AutoReply.Domain.Languages;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Decides a batch of inbound events. It reads what the batch needs in one round trip per kind
/// (decisions already made, the numbers with their auto-replies, opt-outs, recent activity): never
/// cached, so an edit or a delete counts from the very next batch on every replica. It applies
/// <see cref="ReplyPolicy"/> to each event in the order they occurred (with the <see cref="LoopGuard"/>'s
/// verdict, and the language of the contact's last text it could tell), then in one transaction records
/// the languages its texts were told in, claims the replies' cooldowns, spends their daily budgets,
/// records exactly one decision per event id within its workspace and adds each reply's send
/// command to the outbox, which sends it once committed (a reply with a delay is scheduled instead:
/// the due-reply dispatcher sends or cancels it when it is due).
/// </summary>
public sealed partial class AutoReplyEvaluator(
    RulesDbContext db,
    IDecisionLog decisionLog,
    IContactActivityStore activity,
    ICooldownStore cooldowns,
    ISendBudgets budgets,
    LoopGuard loopGuard,
    IContactLanguageStore contactLanguages,
    TextLanguageDetector languageDetector,
    TransactionalOutbox outbox,
    DueReplyAlarm alarm,
    TimeProvider clock,
    RulesMetrics metrics,
    ILogger<AutoReplyEvaluator> logger)
{
    /// <summary>Another delivery of an event in the batch can decide it first, once per event at most.</summary>
    private const int MaxAttempts = 3;

    public async Task EvaluateAsync(IReadOnlyCollection<InboundEvent> batch, CancellationToken cancellationToken)
    {
        metrics.RecordBatch(batch.Count);
        for (var attempt = 1; ; attempt++)
        {
            // A batch tried again (here, or after an outage) starts from what the database holds.
            db.ChangeTracker.Clear();
            try
            {
                await EvaluateOnceAsync(batch, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex.IsUniqueViolation(RulesDbContext.DecisionPerEventIndex) && attempt < MaxAttempts)
            {
                // Another delivery's decision (and claim) is the one: decide the others again around it.
            }
        }
    }

    private async Task EvaluateOnceAsync(IReadOnlyCollection<InboundEvent> batch, CancellationToken cancellationToken)
    {
        var facts = await ReadFactsAsync([.. batch], cancellationToken);
        List<string> eventIds = [.. batch.Select(e => e.EventId).Distinct()];
        var decided = (await db.Decisions.Where(d => eventIds.Contains(d.EventId)).Select(d => new { d.WorkspaceId, d.EventId }).ToListAsync(cancellationToken))
            .Select(d => (d.WorkspaceId, d.EventId))
            .ToHashSet();
        // A redelivered event's decision stands, and its send command is the outbox's to deliver.
        List<InboundEvent> pending = [.. batch
            .DistinctBy(e => (facts.WorkspaceOf(e), e.EventId))
            .Where(e => !decided.Contains((facts.WorkspaceOf(e), e.EventId)))
            .OrderBy(e => e.OccurredAt)];
        if (pending.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var looping = await loopGuard.LoopingAsync(pending, cancellationToken);
        List<ContactLanguage> told = [];
        List<(InboundEvent Event, Verdict Verdict)> verdicts = [.. pending.Select(e => (e, Decide(e, facts, looping.Contains(e), told, now)))];

        // A failed save fails the whole batch, which is tried again whole: no savepoint to roll back to.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await contactLanguages.RecordAsync(told, cancellationToken);
        var claims = await ClaimCooldownsAsync(verdicts, now, cancellationToken);
        var spend = await SpendBudgetsAsync(verdicts, facts, claims, now, cancellationToken);
        List<Decision> decisions = [.. verdicts.Select(v => Record(v.Event, facts.WorkspaceOf(v.Event), v.Verdict, now))];
        await decisionLog.WriteAsync(decisions, cancellationToken);
        List<Decision> scheduled = [.. decisions.Where(d => d.Outcome == Outcome.Scheduled)];
        db.ScheduledReplies.AddRange(scheduled.Select(d => new ScheduledReply { DecisionId = d.Id, DueAt = d.DueAt!.Value, TraceParent = Activity.Current?.Id }));
        List<OutboxMessage> commands = [.. decisions.Where(d => d.Outcome == Outcome.Sent).Select(outbox.AddReply)];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);

        // The texts first: Redis's copy of the claims only saves later batches a database read.
        await outbox.DeliverAsync(commands, cancellationToken);
        alarm.Set(scheduled.Select(d => d.DueAt!.Value));
        await cooldowns.RememberAsync(claims);
        foreach (var budget in spend.NewlyExhausted)
        {
            metrics.RecordBudgetExhausted(ofNumber: budget.PhoneNumberOf() is not null);
            if (budget.PhoneNumberOf() is { } phoneNumber)
            {
                LogNumberBudgetSpent(logger, phoneNumber, budget.Day, budget.Sent);
            }
            else
            {
                LogWorkspaceBudgetSpent(logger, budget.WorkspaceIdOf()!.Value, budget.Day, budget.Sent);
            }
        }
        foreach (var decision in decisions)
        {
            metrics.RecordDecision(decision);
            LogDecision(logger, decision.EventId, decision.Outcome, decision.Reason, decision.PhoneNumber, decision.Contact);
        }
    }

    /// <summary>What the world looks like to the batch, read once for all its events.</summary>
    private sealed record Facts(
        Dictionary<string, BusinessNumber> Numbers,
        Dictionary<ContactKey, OptOut> OptOuts,
        IReadOnlyDictionary<ContactKey, DateTimeOffset> LastOutbound,
        Dictionary<ContactKey, ContactLanguage> Languages)
    {
        /// <summary>The workspace the event is decided in, and its id unique within.</summary>
        public Guid WorkspaceOf(InboundEvent e) => e.WorkspaceId ?? Numbers.GetValueOrDefault(e.PhoneNumber)?.WorkspaceId ?? DefaultWorkspace.Id;

        /// <summary>The event's number, unless a workspace submitted the event for a number it does not own.</summary>
        public BusinessNumber? NumberOf(InboundEvent e) => ReplyPolicy.Owned(Numbers.GetValueOrDefault(e.PhoneNumber), e.WorkspaceId);
    }

    private async Task<Facts> ReadFactsAsync(IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken)
    {
        List<string> phoneNumbers = [.. events.Select(e => e.PhoneNumber).Distinct()];
        List<string> contacts = [.. events.Select(e => e.Contact).Distinct()];
        var numbers = await db.Numbers.AsNoTracking().Include(n => n.AutoReplies)
            .Where(n => phoneNumbers.Contains(n.PhoneNumber))
            .ToDictionaryAsync(n => n.PhoneNumber, cancellationToken);
        var keys = events.Select(Key).ToHashSet();
        // Tracked: a STOP or START in the batch changes them in its transaction.
        var optOuts = (await db.OptOuts.Where(o => phoneNumbers.Contains(o.PhoneNumber) && contacts.Contains(o.Contact)).ToListAsync(cancellationToken))
            .Where(o => keys.Contains(new ContactKey(o.PhoneNumber, o.Contact)))
            .ToDictionary(o => new ContactKey(o.PhoneNumber, o.Contact));
        // Per contact, the latest moment any of its events would count activity from.
        var since = events
            .Where(e => numbers.ContainsKey(e.PhoneNumber))
            .GroupBy(Key, e => ReplyPolicy.RecentActivitySince(e, numbers[e.PhoneNumber]))
            .ToDictionary(g => g.Key, g => g.Max());
        var lastOutbound = await activity.LastOutboundAsync(since, cancellationToken);
        // Only a number with messages in more than one language has a choice to make.
        List<ContactKey> multilingual = [.. keys.Where(k => numbers.GetValueOrDefault(k.PhoneNumber)?.AutoReplies.Any(r => r.Translations.Count > 0) == true)];
        var languages = await contactLanguages.ReadAsync(multilingual, cancellationToken);
        return new Facts(numbers, optOuts, lastOutbound, languages);
    }

    /// <summary>
    /// The policy's verdict; a STOP or START is recorded at the time the contact sent it, so the
    /// batch's later events, and later batches, see the contact's latest word whatever the order
    /// the messages were consumed in. A text whose language can be told is added to
    /// <paramref name="told"/>, and is the contact's language from this event on.
    /// </summary>
    private Verdict Decide(InboundEvent e, Facts facts, bool looping, List<ContactLanguage> told, DateTimeOffset now)
    {
        var key = Key(e);
        var number = facts.NumberOf(e);
        var record = facts.OptOuts.GetValueOrDefault(key);
        // The carrier keywords (STOP, START…) are English whatever the contact speaks.
        if (number is not null && e.Trigger == Trigger.Message && Keywords.Classify(e.Body, record?.IsOptedOut == true) == KeywordKind.None
            && languageDetector.LanguageOf(e.Body) is { } language)
        {
            var text = new ContactLanguage { PhoneNumber = e.PhoneNumber, Contact = e.Contact, Language = language, TextAt = e.OccurredAt };
            told.Add(text);
            if (facts.Languages.GetValueOrDefault(key) is not { } known || known.TextAt < text.TextAt)
            {
                facts.Languages[key] = text;
            }
        }
        DateTimeOffset? lastOutbound = facts.LastOutbound.TryGetValue(key, out var at) ? at : null;
        var verdict = ReplyPolicy.Evaluate(new EvaluationInput(e, number, now, lastOutbound, record?.IsOptedOut == true, looping, facts.Languages.GetValueOrDefault(key)?.Language));

        var keyword = (verdict as Suppress)?.Keyword ?? KeywordKind.None;
        if (keyword is KeywordKind.OptOut or KeywordKind.OptIn)
        {
            if (record is null)
            {
                record = new OptOut { PhoneNumber = e.PhoneNumber, Contact = e.Contact, Source = OptOutSource.Keyword };
                db.OptOuts.Add(record);
                facts.OptOuts[key] = record;
            }
            if (keyword == KeywordKind.OptOut)
            {
                record.OptOutAt(e.OccurredAt, OptOutSource.Keyword);
            }
            else
            {
                record.OptInAt(e.OccurredAt);
            }
        }
        return verdict;
    }

    /// <summary>
    /// Claims the cooldown for the first reply to each contact; a reply that cannot have it (held by
    /// another event, or taken by an earlier event of this batch) becomes a cooldown suppression.
    /// </summary>
    private async Task<List<CooldownRequest>> ClaimCooldownsAsync(List<(InboundEvent Event, Verdict Verdict)> verdicts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<CooldownRequest> requests = [.. verdicts
            .Where(v => v.Verdict is Reply)
            .DistinctBy(v => Key(v.Event))
            .Select(v => new CooldownRequest(Key(v.Event), v.Event.EventId, now, ((Reply)v.Verdict).Cooldown))];
        if (requests.Count == 0)
        {
            return [];
        }

        var granted = await cooldowns.ClaimAsync(requests, cancellationToken);
        var claimedBy = requests.Where(r => granted.Contains(r.Contact)).ToDictionary(r => r.Contact, r => r.EventId);
        for (var i = 0; i < verdicts.Count; i++)
        {
            var (e, verdict) = verdicts[i];
            verdicts[i] = (e, ReplyPolicy.AfterCooldown(verdict, free: claimedBy.GetValueOrDefault(Key(e)) == e.EventId));
        }
        return [.. requests.Where(r => granted.Contains(r.Contact))];
    }

    /// <summary>
    /// Spends the daily budgets of the replies that won their cooldown; a reply over a budget
    /// becomes a budget suppression and gives its cooldown back, since no text goes out.
    /// </summary>
    private async Task<BudgetSpend> SpendBudgetsAsync(List<(InboundEvent Event, Verdict Verdict)> verdicts, Facts facts, List<CooldownRequest> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<BudgetRequest> requests = [.. verdicts.Where(v => v.Verdict is Reply).Select(v => new BudgetRequest(v.Event, facts.WorkspaceOf(v.Event)))];
        var spend = await budgets.SpendAsync(requests, now, cancellationToken);
        if (spend.Denied.Count == 0)
        {
            return spend;
        }

        for (var i = 0; i < verdicts.Count; i++)
        {
            var (e, verdict) = verdicts[i];
            verdicts[i] = (e, ReplyPolicy.AfterBudget(verdict, allowed: !spend.Denied.Contains(e)));
        }
        var deniedIds = spend.Denied.Select(e => (Key(e), e.EventId)).ToHashSet();
        List<CooldownRequest> released = [.. claims.Where(c => deniedIds.Contains((c.Contact, c.EventId)))];
        await cooldowns.ReleaseAsync(released, cancellationToken);
        claims.RemoveAll(released.Contains);
        return spend;
    }

    private static ContactKey Key(InboundEvent e) => new(e.PhoneNumber, e.Contact);

    private static Decision Record(InboundEvent e, Guid workspaceId, Verdict verdict, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = e.EventId,
        WorkspaceId = workspaceId,
        EventType = e.EventType,
        PhoneNumber = e.PhoneNumber,
        Contact = e.Contact,
        Trigger = e.Trigger,
        OccurredAt = e.OccurredAt,
        DecidedAt = now,
        Outcome = verdict.Outcome,
        DueAt = (verdict as Reply)?.DueAt(now),
        Reason = (verdict as Suppress)?.Reason,
        AutoReplyId = verdict switch
        {
            Reply reply => reply.AutoReply.Id,
            Suppress suppress => suppress.AutoReplyId,
            _ => null,
        },
        Message = (verdict as Reply)?.Text,
        Language = (verdict as Reply)?.Language.Language,
        LanguageReason = (verdict as Reply)?.Language.Reason,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Number {PhoneNumber} has sent its {Sent} texts for {Day} (UTC): its replies are suppressed (budget) until the day ends")]
    private static partial void LogNumberBudgetSpent(ILogger logger, [PhoneNumber] string phoneNumber, DateOnly day, int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace {WorkspaceId} has sent its {Sent} texts for {Day} (UTC): its replies are suppressed (budget) until the day ends")]
    private static partial void LogWorkspaceBudgetSpent(ILogger logger, Guid workspaceId, DateOnly day, int sent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId}: {Outcome} {Reason} for {PhoneNumber} to {Contact}")]
    private static partial void LogDecision(ILogger logger, string eventId, Outcome outcome, SuppressionReason? reason, [PhoneNumber] string phoneNumber, [PhoneNumber] string contact);
}
