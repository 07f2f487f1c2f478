using AutoReply.Contracts;
using static AutoReply.UnitTests.Rules.SampleNumbers;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.OptOuts;
using AutoReply.Domain.Policy;

namespace AutoReply.UnitTests.Rules;

public sealed class ReplyPolicyTests
{
    // Tuesday 2026-11-24 in New York: 10:00 is business hours, 20:00 is not.
    private const string DuringHours = "2026-11-24T10:00-05:00";
    private const string AfterHours = "2026-11-24T20:00-05:00";

    /// <summary>The office with all six slots filled, each saying which slot it is.</summary>
    private static BusinessNumber WithAllSlots()
    {
        var number = Office();
        foreach (var trigger in Enum.GetValues<Trigger>())
        {
            foreach (var schedule in Enum.GetValues<Schedule>())
            {
                number.AutoReplies.Add(AutoReply(trigger, schedule, $"{trigger} {schedule}"));
            }
        }
        return number;
    }

    private static AutoReplyDefinition AutoReply(Trigger trigger, Schedule schedule, string message) => new()
    {
        Id = Guid.NewGuid(),
        PhoneNumber = PhoneNumber,
        Trigger = trigger,
        Schedule = schedule,
        Message = message,
    };

    /// <summary>An event evaluated a minute after it happened, unless told otherwise.</summary>
    private static Verdict Evaluate(
        BusinessNumber? number,
        Trigger trigger,
        string occurredAt,
        TimeSpan? evaluatedAfter = null,
        DateTimeOffset? lastOutboundActivity = null,
        bool optedOut = false,
        string? body = null,
        Guid? postedBy = null)
    {
        var when = Moment(occurredAt);
        var e = new InboundEvent("evt-0001", EventTypes.InboundOf(trigger), trigger, PhoneNumber, "+14155550199", when, body, postedBy);
        return ReplyPolicy.Evaluate(new EvaluationInput(e, number, when + (evaluatedAfter ?? TimeSpan.FromMinutes(1)), lastOutboundActivity, optedOut));
    }

    [Fact]
    public void A_STOP_a_workspace_posts_for_a_number_it_does_not_own_is_an_unknown_number_not_a_keyword()
    {
        var verdict = Evaluate(number: null, Trigger.Message, DuringHours, body: "STOP", postedBy: Guid.Parse("0193a6f0-0000-7000-8000-00000000000b"));

        Assert.Equal(new Suppress(SuppressionReason.UnknownNumber), verdict);
    }

    [Fact]
    public void An_event_for_a_number_without_settings_is_suppressed_as_unknown_number()
    {
        var verdict = Evaluate(number: null, Trigger.MissedCall, DuringHours);

        Assert.Equal(new Suppress(SuppressionReason.UnknownNumber), verdict);
    }

    [Fact]
    public void An_event_older_than_the_maximum_age_is_suppressed_as_stale()
    {
        var verdict = Evaluate(WithAllSlots(), Trigger.MissedCall, AfterHours, evaluatedAfter: TimeSpan.FromMinutes(16));

        Assert.Equal(new Suppress(SuppressionReason.Stale), verdict);
    }

    [Fact]
    public void An_event_exactly_the_maximum_age_old_still_gets_its_reply()
    {
        var verdict = Evaluate(WithAllSlots(), Trigger.MissedCall, AfterHours, evaluatedAfter: TimeSpan.FromMinutes(15));

        Assert.IsType<Reply>(verdict);
    }

    [Fact]
    public void The_maximum_age_is_the_number_s_own_setting()
    {
        var number = WithAllSlots();
        number.MaxEventAge = TimeSpan.FromHours(2);

        var verdict = Evaluate(number, Trigger.MissedCall, AfterHours, evaluatedAfter: TimeSpan.FromHours(1));

        Assert.IsType<Reply>(verdict);
    }

    [Theory]
    [InlineData(Trigger.MissedCall, DuringHours, Schedule.BusinessHours)]
    [InlineData(Trigger.Voicemail, DuringHours, Schedule.BusinessHours)]
    [InlineData(Trigger.Message, DuringHours, Schedule.BusinessHours)]
    [InlineData(Trigger.MissedCall, AfterHours, Schedule.AfterHours)]
    [InlineData(Trigger.Voicemail, AfterHours, Schedule.AfterHours)]
    [InlineData(Trigger.Message, AfterHours, Schedule.AfterHours)]
    public void Each_trigger_uses_the_slot_for_the_time_it_happened(Trigger trigger, string occurredAt, Schedule schedule)
    {
        var verdict = Evaluate(WithAllSlots(), trigger, occurredAt);

        var reply = Assert.IsType<Reply>(verdict);
        Assert.Equal((trigger, schedule), (reply.AutoReply.Trigger, reply.AutoReply.Schedule));
        Assert.Equal($"{trigger} {schedule}", reply.Text);
    }

    [Fact]
    public void A_missed_call_during_the_lunch_break_uses_the_after_hours_slot()
    {
        var reply = Assert.IsType<Reply>(Evaluate(WithAllSlots(), Trigger.MissedCall, "2026-11-24T12:30-05:00"));

        Assert.Equal(Schedule.AfterHours, reply.AutoReply.Schedule);
    }

    [Fact]
    public void A_missed_call_on_a_closed_holiday_uses_the_after_hours_slot()
    {
        var number = WithAllSlots();
        number.OpeningHours.Overrides.Add(Closed("2026-11-24"));

        var reply = Assert.IsType<Reply>(Evaluate(number, Trigger.MissedCall, DuringHours));

        Assert.Equal(Schedule.AfterHours, reply.AutoReply.Schedule);
    }

    [Fact]
    public void An_empty_slot_is_suppressed_as_no_auto_reply_even_when_another_slot_is_filled()
    {
        var number = Office();
        number.AutoReplies.Add(AutoReply(Trigger.MissedCall, Schedule.AfterHours, "Closed now."));

        Assert.Equal(new Suppress(SuppressionReason.NoAutoReply), Evaluate(number, Trigger.MissedCall, DuringHours));
        Assert.Equal(new Suppress(SuppressionReason.NoAutoReply), Evaluate(number, Trigger.Voicemail, AfterHours));
    }

    [Fact]
    public void An_outbound_call_or_text_within_the_window_suppresses_the_reply_as_recent_activity()
    {
        var number = WithAllSlots();
        var slot = number.AutoReplies.Single(r => r.Trigger == Trigger.MissedCall && r.Schedule == Schedule.AfterHours);

        var verdict = Evaluate(number, Trigger.MissedCall, AfterHours, lastOutboundActivity: Moment(AfterHours) - TimeSpan.FromHours(2));

        Assert.Equal(new Suppress(SuppressionReason.RecentActivity, slot.Id), verdict);
    }

    [Fact]
    public void An_outbound_call_or_text_before_the_window_does_not_prevent_the_reply()
    {
        var verdict = Evaluate(WithAllSlots(), Trigger.MissedCall, AfterHours, lastOutboundActivity: Moment(AfterHours) - TimeSpan.FromHours(4));

        Assert.IsType<Reply>(verdict);
    }

    [Fact]
    public void The_recent_activity_window_is_the_number_s_own_setting()
    {
        var number = WithAllSlots();
        number.RecentActivityWindow = TimeSpan.FromMinutes(30);

        var verdict = Evaluate(number, Trigger.MissedCall, AfterHours, lastOutboundActivity: Moment(AfterHours) - TimeSpan.FromHours(1));

        Assert.IsType<Reply>(verdict);
    }

    [Fact]
    public void A_reply_renders_the_template_variables_and_carries_the_number_s_cooldown()
    {
        var number = Office();
        number.Cooldown = TimeSpan.FromHours(1);
        number.AutoReplies.Add(AutoReply(Trigger.MissedCall, Schedule.AfterHours,
            "Thanks for calling {business_name}. We're closed and open again {next_open}."));

        var reply = Assert.IsType<Reply>(Evaluate(number, Trigger.MissedCall, AfterHours));

        Assert.Equal("Thanks for calling Acme Dental. We're closed and open again tomorrow at 9:00 AM.", reply.Text);
        Assert.Equal(TimeSpan.FromHours(1), reply.Cooldown);
    }

    [Fact]
    public void An_event_from_an_opted_out_contact_is_suppressed_as_opted_out()
    {
        var verdict = Evaluate(WithAllSlots(), Trigger.MissedCall, AfterHours, optedOut: true);

        Assert.Equal(SuppressionReason.OptedOut, Assert.IsType<Suppress>(verdict).Reason);
    }

    [Theory]
    [InlineData("STOP", KeywordKind.OptOut)]
    [InlineData("start", KeywordKind.OptIn)]
    [InlineData(" Help ", KeywordKind.Help)]
    public void A_keyword_text_gets_no_reply_and_says_what_it_changes(string body, KeywordKind kind)
    {
        var verdict = Assert.IsType<Suppress>(Evaluate(WithAllSlots(), Trigger.Message, DuringHours, body: body));

        Assert.Equal((SuppressionReason.Keyword, kind), (verdict.Reason, verdict.Keyword));
    }

    [Fact]
    public void Stop_is_honoured_even_when_late_and_for_a_number_without_settings()
    {
        var late = Assert.IsType<Suppress>(Evaluate(WithAllSlots(), Trigger.Message, DuringHours, evaluatedAfter: TimeSpan.FromDays(1), body: "STOP"));
        var unknown = Assert.IsType<Suppress>(Evaluate(null, Trigger.Message, DuringHours, body: "STOP"));

        Assert.Equal((SuppressionReason.Keyword, KeywordKind.OptOut), (late.Reason, late.Keyword));
        Assert.Equal((SuppressionReason.Keyword, KeywordKind.OptOut), (unknown.Reason, unknown.Keyword));
    }

    [Fact]
    public void A_missed_call_is_never_a_keyword_whatever_its_body()
    {
        Assert.IsType<Reply>(Evaluate(WithAllSlots(), Trigger.MissedCall, DuringHours, body: "STOP"));
    }

    [Fact]
    public void A_stale_event_from_an_opted_out_contact_is_reported_stale_first()
    {
        var verdict = Evaluate(WithAllSlots(), Trigger.Voicemail, AfterHours, evaluatedAfter: TimeSpan.FromHours(1), optedOut: true);

        Assert.Equal(SuppressionReason.Stale, Assert.IsType<Suppress>(verdict).Reason);
    }

    [Fact]
    public void The_trace_lists_each_rule_checked_in_order_up_to_the_one_that_decided()
    {
        var number = WithAllSlots();
        var when = Moment(AfterHours);
        var e = new InboundEvent("evt-0001", EventType.CallMissed, Trigger.MissedCall, PhoneNumber, "+14155550199", when, null);
        List<RuleCheck> trace = [];

        var verdict = ReplyPolicy.Evaluate(new EvaluationInput(e, number, when.AddMinutes(1), when.AddMinutes(-30), OptedOut: false), trace);

        Assert.Equal(new Suppress(SuppressionReason.RecentActivity, number.AutoReplies.Single(r => r.Trigger == Trigger.MissedCall && r.Schedule == Schedule.AfterHours).Id), verdict);
        Assert.Equal(
            [SuppressionReason.Keyword, SuppressionReason.UnknownNumber, SuppressionReason.Stale, SuppressionReason.OptedOut, SuppressionReason.NoAutoReply, SuppressionReason.RecentActivity],
            trace.Select(check => check.Rule));
        Assert.Equal(RuleVerdict.Suppressed, trace[^1].Verdict);
        Assert.Equal(when.AddMinutes(-30), trace[^1].At);
        Assert.All(trace[..^1], check => Assert.Equal(RuleVerdict.Passed, check.Verdict));
    }
}
