using AutoReply.Contracts;
using AutoReply.Security;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Policy;

namespace AutoReply.UnitTests.Rules;

public sealed class DueReplyCancellationTests
{
    private static readonly DateTimeOffset CalledAt = DateTimeOffset.Parse("2026-11-24T20:00-05:00", System.Globalization.CultureInfo.InvariantCulture);

    private static (Decision Decision, AutoReply.Domain.Numbers.BusinessNumber Number) Scheduled()
    {
        var number = Office();
        var reply = new AutoReplyDefinition { Id = Guid.NewGuid(), PhoneNumber = PhoneNumber, Trigger = Trigger.MissedCall, Schedule = Schedule.AfterHours, Message = "Back soon.", Delay = TimeSpan.FromMinutes(1) };
        number.AutoReplies.Add(reply);
        var decision = new Decision
        {
            EventId = "evt-1", WorkspaceId = DefaultWorkspace.Id, EventType = EventType.CallMissed, PhoneNumber = PhoneNumber, Contact = "+14155550199",
            Trigger = Trigger.MissedCall, Outcome = Outcome.Scheduled, AutoReplyId = reply.Id, OccurredAt = CalledAt, DecidedAt = CalledAt, DueAt = CalledAt.AddMinutes(1),
        };
        return (decision, number);
    }

    [Fact]
    public void A_due_reply_nothing_changed_for_is_sent()
    {
        var (decision, number) = Scheduled();

        Assert.Null(ReplyPolicy.CancellationAtDueTime(new DueReply(decision, number, OptedOut: false, LastOutboundActivity: CalledAt.AddHours(-1))));
    }

    [Fact]
    public void The_business_calling_or_texting_back_after_the_call_cancels_as_recent_activity()
    {
        var (decision, number) = Scheduled();

        Assert.Equal(SuppressionReason.RecentActivity, ReplyPolicy.CancellationAtDueTime(new DueReply(decision, number, OptedOut: false, LastOutboundActivity: CalledAt.AddSeconds(20))));
    }

    [Fact]
    public void A_deleted_auto_reply_a_removed_number_and_an_opt_out_each_cancel_with_their_reason()
    {
        var (decision, number) = Scheduled();

        Assert.Equal(SuppressionReason.OptedOut, ReplyPolicy.CancellationAtDueTime(new DueReply(decision, number, OptedOut: true, LastOutboundActivity: null)));
        Assert.Equal(SuppressionReason.UnknownNumber, ReplyPolicy.CancellationAtDueTime(new DueReply(decision, null, OptedOut: true, LastOutboundActivity: null)));
        number.AutoReplies.Clear();
        Assert.Equal(SuppressionReason.NoAutoReply, ReplyPolicy.CancellationAtDueTime(new DueReply(decision, number, OptedOut: true, LastOutboundActivity: null)));
    }

    public static TheoryData<string> RulesThatCanChangeWhileAReplyWaits => ["number removed", "number in another workspace", "auto-reply deleted", "contact opted out", "business called back"];

    /// <summary>
    /// The due time checks the very rules a decision applies: for each fact that can change while a
    /// reply waits, an event decided with that fact and the waiting reply settled with it agree on the reason.
    /// </summary>
    [Theory]
    [MemberData(nameof(RulesThatCanChangeWhileAReplyWaits))]
    public void A_rule_suppresses_with_the_same_reason_at_the_event_and_at_the_due_time(string change)
    {
        var (decision, number) = Scheduled();
        var dueAt = decision.DueAt!.Value;
        BusinessNumber? changed = number;
        var (optedOut, calledBack) = (false, (DateTimeOffset?)null);
        switch (change)
        {
            case "number removed": changed = null; break;
            case "number in another workspace": changed = InAnotherWorkspace(number); break;
            case "auto-reply deleted": number.AutoReplies.Clear(); break;
            case "contact opted out": optedOut = true; break;
            case "business called back": calledBack = CalledAt.AddSeconds(20); break;
        }
        var e = new InboundEvent("evt-2", EventType.CallMissed, Trigger.MissedCall, PhoneNumber, decision.Contact, calledBack?.AddSeconds(10) ?? dueAt, null, decision.WorkspaceId);

        var atTheEvent = ReplyPolicy.Evaluate(new EvaluationInput(e, ReplyPolicy.Owned(changed, e.WorkspaceId), dueAt.AddSeconds(30), calledBack, optedOut));
        var atTheDueTime = ReplyPolicy.CancellationAtDueTime(new DueReply(decision, changed, optedOut, calledBack));

        Assert.Equal(Assert.IsType<Suppress>(atTheEvent).Reason, atTheDueTime);
    }

    private static BusinessNumber InAnotherWorkspace(BusinessNumber number)
    {
        var moved = new BusinessNumber
        {
            PhoneNumber = number.PhoneNumber, WorkspaceId = Guid.NewGuid(), Name = number.Name, TimeZone = number.TimeZone, OpeningHours = number.OpeningHours,
            Cooldown = number.Cooldown, RecentActivityWindow = number.RecentActivityWindow, MaxEventAge = number.MaxEventAge,
        };
        foreach (var reply in number.AutoReplies)
        {
            moved.AutoReplies.Add(reply);
        }
        return moved;
    }
}
