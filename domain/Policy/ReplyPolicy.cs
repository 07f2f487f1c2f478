using AutoReply.Contracts;
using AutoReply.Domain.Choices;
using NodaTime.Extensions;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.BusinessHours;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.OptOuts;
using AutoReply.Domain.Templates;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Languages;

namespace AutoReply.Domain.Policy;

/// <summary>
/// An inbound event that may trigger an auto-reply, as the rules see it; <see cref="WorkspaceId"/>
/// is the workspace that submitted it through ingress, none for events from inside the platform.
/// </summary>
public sealed record InboundEvent(
    string EventId,
    EventType EventType,
    Trigger Trigger,
    string PhoneNumber,
    string Contact,
    DateTimeOffset OccurredAt,
    string? Body,
    Guid? WorkspaceId = null);

/// <summary>
/// Everything the policy needs to know about the world, read before deciding;
/// <see cref="ContactLanguage"/> is the language of the contact's last text that could be told.
/// </summary>
public sealed record EvaluationInput(
    InboundEvent Event,
    BusinessNumber? Number,
    DateTimeOffset Now,
    DateTimeOffset? LastOutboundActivity,
    bool OptedOut,
    bool Looping = false,
    ReplyLanguage? ContactLanguage = null);

public abstract record Verdict
{
    /// <summary>The decision's outcome for this verdict.</summary>
    public abstract Outcome Outcome { get; }
}

/// <summary>No reply, for <paramref name="Reason"/>; a keyword may also change the contact's opt-out.</summary>
public sealed record Suppress(SuppressionReason Reason, Guid? AutoReplyId = null, KeywordKind Keyword = KeywordKind.None) : Verdict
{
    public override Outcome Outcome => Outcome.Suppressed;
}

/// <summary>Reply with <paramref name="Text"/>, written in <paramref name="Language"/>, provided the contact's cooldown can still be claimed; at once, or after the auto-reply's delay.</summary>
public sealed record Reply(AutoReplyDefinition AutoReply, string Text, LanguageChoice Language, TimeSpan Cooldown) : Verdict
{
    public override Outcome Outcome => AutoReply.Delay > TimeSpan.Zero ? Outcome.Scheduled : Outcome.Sent;

    /// <summary>When a reply decided at <paramref name="decidedAt"/> is due; null for one sent at once.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset decidedAt) => AutoReply.Delay > TimeSpan.Zero ? decidedAt + AutoReply.Delay : null;
}

/// <summary>
/// The evaluation rules, in the order they apply: a workspace's event for a number it does not own
/// (an unknown number, before anything else), keywords (STOP, START, HELP: always honoured, even
/// late or for a number without settings), unknown number, stale event, opted-out contact,
/// the slot for the trigger at the event's time (business hours or after hours), recent activity
/// by hand, the loop guard. The cooldown and then the send budgets come last, outside this class,
/// because claiming them is the one step with an effect.
/// </summary>
public static class ReplyPolicy
{
    /// <summary>Every rule, in the order a decision applies them (docs/behaviour.md); the last two are claimed outside this class.</summary>
    public static readonly IReadOnlyList<SuppressionReason> Rules =
    [
        SuppressionReason.Keyword, SuppressionReason.UnknownNumber, SuppressionReason.Stale, SuppressionReason.OptedOut, SuppressionReason.NoAutoReply,
        SuppressionReason.RecentActivity, SuppressionReason.LoopGuard, SuppressionReason.Cooldown, SuppressionReason.Budget,
    ];

    /// <summary>
    /// The verdict for <paramref name="input"/>; with <paramref name="trace"/>, also each rule it
    /// checked, in order, with what it found (the explain endpoint: one set of rules for both).
    /// </summary>
    public static Verdict Evaluate(EvaluationInput input, List<RuleCheck>? trace = null)
    {
        var e = input.Event;
        // A workspace posting for a number it does not own may not even opt someone out of it.
        if (e.WorkspaceId is not null && input.Number is null)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.UnknownNumber, "The number is not one of this workspace's."));
            return new Suppress(SuppressionReason.UnknownNumber);
        }

        var keyword = e.Trigger == Trigger.Message ? Keywords.Classify(e.Body, input.OptedOut) : KeywordKind.None;
        if (keyword != KeywordKind.None)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.Keyword, $"The text is the keyword {e.Body?.Trim().ToUpperInvariant()}, which {(keyword switch { KeywordKind.OptOut => "opts the contact out", KeywordKind.OptIn => "opts the contact back in", _ => "asks for help" })}: the carrier rules answer it, not an auto-reply."));
            return new Suppress(SuppressionReason.Keyword, Keyword: keyword);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.Keyword, e.Trigger == Trigger.Message ? "The text is not a keyword (STOP, START, HELP…)." : "Only texts can be keywords."));

        var number = input.Number;
        if (number is null)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.UnknownNumber, "The number has no settings."));
            return new Suppress(SuppressionReason.UnknownNumber);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.UnknownNumber, $"The number is set up as {number.Name}."));

        var age = input.Now - e.OccurredAt;
        if (age > number.MaxEventAge)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.Stale, $"Decided {IsoDuration.Format(age)} after it happened, more than the maximum event age ({IsoDuration.Format(number.MaxEventAge)})."));
            return new Suppress(SuppressionReason.Stale);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.Stale, $"Decided within the maximum event age ({IsoDuration.Format(number.MaxEventAge)})."));

        if (input.OptedOut)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.OptedOut, "The contact opted out of this number's texts."));
            return new Suppress(SuppressionReason.OptedOut);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.OptedOut, "The contact has not opted out."));

        var calendar = number.Calendar();
        var (schedule, autoReply) = SlotAt(number, calendar, e.Trigger, e.OccurredAt);
        if (autoReply is null)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.NoAutoReply, $"No auto-reply for {SlotDescriptions.Describe(e.Trigger, schedule).ToLowerInvariant()}."));
            return new Suppress(SuppressionReason.NoAutoReply);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.NoAutoReply, $"The auto-reply for {SlotDescriptions.Describe(e.Trigger, schedule).ToLowerInvariant()} applies."));

        // The business itself called or texted the contact around this event: the conversation is live.
        if (InTouchSince(input.LastOutboundActivity, RecentActivitySince(e, number)))
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.RecentActivity, $"The business called or texted the contact at {input.LastOutboundActivity:O}, within the recent-activity window ({IsoDuration.Format(number.RecentActivityWindow)}).", input.LastOutboundActivity));
            return new Suppress(SuppressionReason.RecentActivity, autoReply.Id);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.RecentActivity, input.LastOutboundActivity is { } last
            ? $"The business last called or texted the contact at {last:O}, before the recent-activity window ({IsoDuration.Format(number.RecentActivityWindow)})."
            : $"The business has not called or texted the contact within the recent-activity window ({IsoDuration.Format(number.RecentActivityWindow)}).", input.LastOutboundActivity));

        if (input.Looping)
        {
            trace?.Add(RuleCheck.Suppressed(SuppressionReason.LoopGuard, "The contact's events come faster than a person makes them."));
            return new Suppress(SuppressionReason.LoopGuard, autoReply.Id);
        }
        trace?.Add(RuleCheck.Passed(SuppressionReason.LoopGuard, "The contact's events come at a person's pace."));

        var language = LanguageChoice.For(number, autoReply, input.ContactLanguage);
        var text = MessageTemplate.Render(language.Message, language.Language, number.Name, calendar, input.Now.ToInstant());
        return new Reply(autoReply, text, language, number.Cooldown);
    }

    /// <summary>The slot an event of <paramref name="trigger"/> at <paramref name="at"/> falls in (business hours or not), and its auto-reply if it has one.</summary>
    public static (Schedule Schedule, AutoReplyDefinition? AutoReply) SlotAt(BusinessNumber number, BusinessHoursCalendar calendar, Trigger trigger, DateTimeOffset at)
    {
        var schedule = calendar.IsOpenAt(at.ToInstant()) ? Schedule.BusinessHours : Schedule.AfterHours;
        return (schedule, number.AutoReplies.SingleOrDefault(r => r.Trigger == trigger && r.Schedule == schedule));
    }

    /// <summary>Outbound activity at or after this moment makes the conversation live for <paramref name="e"/>.</summary>
    public static DateTimeOffset RecentActivitySince(InboundEvent e, BusinessNumber number) => e.OccurredAt - number.RecentActivityWindow;

    /// <summary>The event's number, unless a workspace submitted the event for a number it does not own (then it is unknown to that workspace).</summary>
    public static BusinessNumber? Owned(BusinessNumber? number, Guid? workspaceId) =>
        number is not null && (workspaceId is null || number.WorkspaceId == workspaceId) ? number : null;

    /// <summary>
    /// The cooldown, claimed after the rules above: a reply whose contact's cooldown another event
    /// holds (<paramref name="free"/> false) does not go out.
    /// </summary>
    public static Verdict AfterCooldown(Verdict verdict, bool free) =>
        verdict is Reply reply && !free ? new Suppress(SuppressionReason.Cooldown, reply.AutoReply.Id) : verdict;

    /// <summary>The send budgets, spent last: a reply that either budget has no text left for does not go out.</summary>
    public static Verdict AfterBudget(Verdict verdict, bool allowed) =>
        verdict is Reply reply && !allowed ? new Suppress(SuppressionReason.Budget, reply.AutoReply.Id) : verdict;

    /// <summary>
    /// A scheduled reply at its due time: the rules that can change while it waits, checked again in
    /// the decision's order (the number still its workspace's, the auto-reply still there, the contact
    /// not opted out, the business not in touch with the contact since the contact's event); null to send it.
    /// </summary>
    public static SuppressionReason? CancellationAtDueTime(DueReply due)
    {
        var decision = due.Decision;
        if (Owned(due.Number, decision.WorkspaceId) is not { } number)
        {
            return SuppressionReason.UnknownNumber;
        }
        if (number.AutoReplies.All(r => r.Id != decision.AutoReplyId))
        {
            return SuppressionReason.NoAutoReply;
        }
        if (due.OptedOut)
        {
            return SuppressionReason.OptedOut;
        }
        // Any call or text from the business after the contact's own: the conversation it was waiting for has started.
        if (InTouchSince(due.LastOutboundActivity, decision.OccurredAt))
        {
            return SuppressionReason.RecentActivity;
        }
        return null;
    }

    private static bool InTouchSince(DateTimeOffset? lastOutboundActivity, DateTimeOffset since) => lastOutboundActivity >= since;
}

/// <summary>A scheduled reply at its due time, with the facts read for it then.</summary>
public sealed record DueReply(Decision Decision, BusinessNumber? Number, bool OptedOut, DateTimeOffset? LastOutboundActivity);

/// <summary>One rule as a decision checked it: whether it let the reply through, and what it found (<see cref="At"/>: the moment it is about, if any).</summary>
public sealed record RuleCheck(SuppressionReason Rule, RuleVerdict Verdict, string Detail, DateTimeOffset? At = null)
{
    public static RuleCheck Passed(SuppressionReason rule, string detail, DateTimeOffset? at = null) => new(rule, RuleVerdict.Passed, detail, at);

    public static RuleCheck Suppressed(SuppressionReason rule, string detail, DateTimeOffset? at = null) => new(rule, RuleVerdict.Suppressed, detail, at);
}
