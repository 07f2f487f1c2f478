using AutoReply.Contracts;
using AutoReply.Rules.AutoReplies;
using AutoReply.Rules.Numbers;
using AutoReply.Rules.OptOuts;
using AutoReply.Rules.Templates;
using NodaTime;
using NodaTime.Extensions;

namespace AutoReply.Rules.Evaluation;

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

/// <summary>Everything the policy needs to know about the world, read before deciding.</summary>
public sealed record EvaluationInput(
    InboundEvent Event,
    BusinessNumber? Number,
    DateTimeOffset Now,
    DateTimeOffset? LastOutboundActivity,
    bool OptedOut,
    bool Looping = false);

public abstract record Verdict;

/// <summary>No reply, for <paramref name="Reason"/>; a keyword may also change the contact's opt-out.</summary>
public sealed record Suppress(SuppressionReason Reason, Guid? AutoReplyId = null, KeywordKind Keyword = KeywordKind.None) : Verdict;

/// <summary>Reply with <paramref name="Text"/>, provided the contact's cooldown can still be claimed.</summary>
public sealed record Reply(AutoReplyDefinition AutoReply, string Text, TimeSpan Cooldown) : Verdict;

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
    public static Verdict Evaluate(EvaluationInput input)
    {
        var e = input.Event;
        // A workspace posting for a number it does not own may not even opt someone out of it.
        if (e.WorkspaceId is not null && input.Number is null)
        {
            return new Suppress(SuppressionReason.UnknownNumber);
        }

        var keyword = e.Trigger == Trigger.Message ? Keywords.Classify(e.Body, input.OptedOut) : KeywordKind.None;
        if (keyword != KeywordKind.None)
        {
            return new Suppress(SuppressionReason.Keyword, Keyword: keyword);
        }

        var number = input.Number;
        if (number is null)
        {
            return new Suppress(SuppressionReason.UnknownNumber);
        }

        if (input.Now - e.OccurredAt > number.MaxEventAge)
        {
            return new Suppress(SuppressionReason.Stale);
        }

        if (input.OptedOut)
        {
            return new Suppress(SuppressionReason.OptedOut);
        }

        var calendar = number.Calendar();
        var schedule = calendar.IsOpenAt(e.OccurredAt.ToInstant()) ? Schedule.BusinessHours : Schedule.AfterHours;
        var autoReply = number.AutoReplies.SingleOrDefault(r => r.Trigger == e.Trigger && r.Schedule == schedule);
        if (autoReply is null)
        {
            return new Suppress(SuppressionReason.NoAutoReply);
        }

        // The business itself called or texted the contact around this event: the conversation is live.
        if (input.LastOutboundActivity >= RecentActivitySince(e, number))
        {
            return new Suppress(SuppressionReason.RecentActivity, autoReply.Id);
        }

        if (input.Looping)
        {
            return new Suppress(SuppressionReason.LoopGuard, autoReply.Id);
        }

        var text = MessageTemplate.Render(autoReply.Message, number.Name, calendar, input.Now.ToInstant());
        return new Reply(autoReply, text, number.Cooldown);
    }

    /// <summary>Outbound activity at or after this moment makes the conversation live for <paramref name="e"/>.</summary>
    public static DateTimeOffset RecentActivitySince(InboundEvent e, BusinessNumber number) => e.OccurredAt - number.RecentActivityWindow;
}
