using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Security;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Scheduling;
using AutoReply.Rules.Delivery;
using AutoReply.RulesApi.AutoReplies;
using AutoReply.RulesApi.Decisions;
using AutoReply.Rules.Scheduling;

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

        Assert.Null(DueReplies.CancellationReason(decision, number, optedOut: false, businessAnsweredAt: CalledAt.AddHours(-1)));
    }

    [Fact]
    public void The_business_calling_or_texting_back_after_the_call_cancels_as_recent_activity()
    {
        var (decision, number) = Scheduled();

        Assert.Equal(SuppressionReason.RecentActivity, DueReplies.CancellationReason(decision, number, optedOut: false, businessAnsweredAt: CalledAt.AddSeconds(20)));
    }

    [Fact]
    public void A_deleted_auto_reply_a_removed_number_and_an_opt_out_each_cancel_with_their_reason()
    {
        var (decision, number) = Scheduled();

        Assert.Equal(SuppressionReason.OptedOut, DueReplies.CancellationReason(decision, number, optedOut: true, businessAnsweredAt: null));
        Assert.Equal(SuppressionReason.UnknownNumber, DueReplies.CancellationReason(decision, null, optedOut: true, businessAnsweredAt: null));
        number.AutoReplies.Clear();
        Assert.Equal(SuppressionReason.NoAutoReply, DueReplies.CancellationReason(decision, number, optedOut: true, businessAnsweredAt: null));
    }
}
