using System.Globalization;
using System.Security.Claims;
using AutoReply.Contracts;
using AutoReply.Domain.Choices;
using AutoReply.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;
using AutoReply.Domain.Data;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Policy;
using AutoReply.RulesApi.Workspaces;
using AutoReply.Domain.BusinessHours;
using AutoReply.Domain.Facts;
using AutoReply.Domain.Languages;

namespace AutoReply.RulesApi.Explain;

/// <summary>
/// "If this contact called right now, what would happen, and why?": the facts a decision reads
/// (the number, the opt-out, recent activity, the loop guard's count), then <see cref="ReplyPolicy"/>
/// with its trace, then the cooldown and the budgets only looked at, where a decision claims and
/// spends them. It writes nothing: no claim, no decision, no text.
/// </summary>
public sealed class ReplyExplainer(
    RulesDbContext db,
    IContactActivityStore activity,
    LoopGuard loopGuard,
    ICooldownStore cooldowns,
    ISendBudgets budgets,
    IOptions<SendBudgetOptions> budgetLimits,
    IContactLanguageStore contactLanguages,
    TextLanguageDetector languageDetector,
    TimeProvider clock)
{
    /// <summary>The explanation, or null when the number is not one of the caller's workspace.</summary>
    public async Task<Explanation?> ExplainAsync(string phoneNumber, ImaginedEvent imagined, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.InWorkspaceOf(user).AsNoTracking().Include(n => n.AutoReplies)
            .SingleOrDefaultAsync(n => n.PhoneNumber == phoneNumber, cancellationToken);
        if (number is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var at = imagined.At ?? now;
        // Decided as it happens: now for a moment past, then for a moment to come.
        var decidedAt = at > now ? at : now;
        var e = new InboundEvent("explain", EventTypes.InboundOf(imagined.Trigger), imagined.Trigger, phoneNumber, imagined.Contact, at, imagined.Body, number.WorkspaceId);
        var key = new ContactKey(phoneNumber, imagined.Contact);

        var optOut = await db.OptOuts.AsNoTracking().SingleOrDefaultAsync(o => o.PhoneNumber == phoneNumber && o.Contact == imagined.Contact, cancellationToken);
        var lastOutbound = (await activity.LastOutboundAsync(new Dictionary<ContactKey, DateTimeOffset> { [key] = ReplyPolicy.RecentActivitySince(e, number) }, cancellationToken))
            .TryGetValue(key, out var last) ? last : (DateTimeOffset?)null;
        var looping = (await loopGuard.LoopingAsync([e], cancellationToken)).Count > 0;
        // The imagined text, when its language can be told, is the contact's last: as a decision counts it.
        var contactText = languageDetector.LanguageOf(imagined.Body) is { } told
            ? new ContactLanguage { PhoneNumber = phoneNumber, Contact = imagined.Contact, Language = told, TextAt = at }
            : (await contactLanguages.ReadAsync([key], cancellationToken)).GetValueOrDefault(key);

        List<RuleCheck> rules = [];
        var verdict = ReplyPolicy.Evaluate(new EvaluationInput(e, number, decidedAt, lastOutbound, optOut?.IsOptedOut == true, looping, contactText?.Language), rules);
        var cooldown = await CooldownAsync(key, decidedAt, cancellationToken);
        rules.Add(verdict is Reply ? cooldown : cooldown with { Verdict = RuleVerdict.NotReached });
        verdict = ReplyPolicy.AfterCooldown(verdict, free: cooldown.Verdict == RuleVerdict.Passed);
        var budget = await BudgetAsync(number, decidedAt, cancellationToken);
        rules.Add(verdict is Reply ? budget : budget with { Verdict = RuleVerdict.NotReached });
        verdict = ReplyPolicy.AfterBudget(verdict, allowed: budget.Verdict == RuleVerdict.Passed);
        AddNotReached(rules);

        var calendar = number.Calendar();
        var (schedule, slotReply) = ReplyPolicy.SlotAt(number, calendar, imagined.Trigger, at);
        var text = (verdict as Reply)?.Text;
        var length = text is null ? null : SmsEncoding.Measure(text);
        return new Explanation(
            verdict.Outcome,
            (verdict as Suppress)?.Reason,
            at,
            decidedAt,
            new SlotChosen(imagined.Trigger, schedule, SlotDescriptions.Describe(imagined.Trigger, schedule), slotReply?.Id),
            HoursOn(number, calendar, at, schedule == Schedule.BusinessHours),
            text,
            length?.Encoding,
            length?.Segments,
            verdict is Reply reply ? new LanguageChosen(reply.Language.Language, reply.Language.Reason, contactText?.Language, contactText?.TextAt) : null,
            rules);
    }

    /// <summary>Whose cooldown the contact is in, looked at as a claim at <paramref name="decidedAt"/> would see it.</summary>
    private async Task<RuleCheck> CooldownAsync(ContactKey key, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        var claim = await cooldowns.LastClaimAsync(key, cancellationToken);
        return claim is not null && claim.HoldsAt(decidedAt)
            ? RuleCheck.Suppressed(SuppressionReason.Cooldown, $"The contact got an auto-reply for event {claim.EventId} at {claim.ClaimedAt:O}; the cooldown frees up at {claim.ClaimedUntil:O}.", claim.ClaimedUntil)
            : RuleCheck.Passed(SuppressionReason.Cooldown, claim is null
                ? "The contact has had no auto-reply from this number."
                : $"The last auto-reply's cooldown freed up at {claim.ClaimedUntil:O}.", claim?.ClaimedUntil);
    }

    /// <summary>The number's and its workspace's texts of the decision's day, against their budgets.</summary>
    private async Task<RuleCheck> BudgetAsync(BusinessNumber number, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        var day = SendBudgets.DayOf(decidedAt);
        var (byNumber, byWorkspace) = await budgets.SpentAsync(number.PhoneNumber, number.WorkspaceId, day, cancellationToken);
        var limits = budgetLimits.Value;
        var detail = $"{byNumber} of the number's {limits.PerNumberPerDay} and {byWorkspace} of the workspace's {limits.PerWorkspacePerDay} texts sent on {day:yyyy-MM-dd} (UTC).";
        return limits.AllowsAnother(byNumber, byWorkspace)
            ? RuleCheck.Passed(SuppressionReason.Budget, detail)
            : RuleCheck.Suppressed(SuppressionReason.Budget, detail);
    }

    /// <summary>The rules after the one that suppressed, said as not reached, so the answer always lists every rule in order.</summary>
    private static void AddNotReached(List<RuleCheck> rules)
    {
        var checkedRules = rules.Select(r => r.Rule).ToHashSet();
        var missing = ReplyPolicy.Rules.Where(rule => !checkedRules.Contains(rule)).Select(rule => new RuleCheck(rule, RuleVerdict.NotReached, "An earlier rule decided.")).ToList();
        var beforeCooldown = rules.FindIndex(r => r.Rule == SuppressionReason.Cooldown);
        rules.InsertRange(beforeCooldown, missing);
    }

    private static HoursThatApplied HoursOn(BusinessNumber number, BusinessHoursCalendar calendar, DateTimeOffset at, bool open)
    {
        var date = at.ToInstant().InZone(calendar.Zone).Date;
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dated = number.OpeningHours.Overrides.SingleOrDefault(o => o.Date == dateText);
        var hours = dated?.Hours ?? number.OpeningHours.Weekly.GetValueOrDefault(date.DayOfWeek.ToString().ToLowerInvariant()) ?? [];
        return new HoursThatApplied(dateText, number.TimeZone, open, dated is not null, hours);
    }
}
