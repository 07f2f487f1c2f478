using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using static AutoReply.UnitTests.Consumers.RulesConsumers;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs the daily send budgets and the loop guard on the bus: the decisions they give, and the texts they hold back.</summary>
public sealed class BudgetAndLoopGuardTests
{
    private const string AfterHoursReply = "Thanks for calling {business_name}.";

    private static CallMissed MissedCall(RulesConsumers rules, string eventId, string contact) =>
        new(eventId, PhoneNumber, contact, rules.Clock.GetUtcNow() - TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_reply_past_the_number_s_daily_budget_is_suppressed_for_budget_and_sends_nothing()
    {
        await using var rules = await StartAsync(new SendBudgetOptions { PerNumberPerDay = 1 });

        await rules.DeliverAsync(MissedCall(rules, "call-1", "+14155550101"));
        await rules.DeliverAsync(MissedCall(rules, "call-2", "+14155550102"));

        var over = await rules.DecisionForAsync("call-2");
        Assert.Equal((Outcome.Suppressed, SuppressionReason.Budget), (over.Outcome, over.Reason));
        Assert.NotNull(over.AutoReplyId);
        Assert.Equal([(await rules.DecisionForAsync("call-1")).Id], rules.Harness.SentSoFar<SendAutoReply>().Select(c => c.DecisionId));
    }

    [Fact]
    public async Task A_reply_past_the_workspace_s_daily_budget_is_suppressed_for_budget()
    {
        await using var rules = await StartAsync(new SendBudgetOptions { PerWorkspacePerDay = 1 });

        await rules.DeliverAsync(MissedCall(rules, "call-1", "+14155550101"));
        await rules.DeliverAsync(MissedCall(rules, "call-2", "+14155550102"));

        Assert.Equal(SuppressionReason.Budget, (await rules.DecisionForAsync("call-2")).Reason);
        Assert.Single(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task A_contact_refused_for_budget_keeps_its_cooldown_free_and_gets_its_reply_the_next_day()
    {
        await using var rules = await StartAsync(new SendBudgetOptions { PerNumberPerDay = 1 });
        await rules.DeliverAsync(MissedCall(rules, "call-1", "+14155550101"));
        await rules.DeliverAsync(MissedCall(rules, "call-2", "+14155550102"));

        rules.Clock.Advance(TimeSpan.FromDays(1));
        await rules.DeliverAsync(MissedCall(rules, "call-3", "+14155550102"));

        Assert.Equal(Outcome.Sent, (await rules.DecisionForAsync("call-3")).Outcome);
    }

    [Fact]
    public async Task A_contact_whose_events_arrive_faster_than_a_person_could_is_suppressed_by_the_loop_guard()
    {
        await using var rules = await StartAsync(new SendBudgetOptions());
        var limit = new LoopGuardOptions().MaxEvents;
        for (var i = 0; i <= limit; i++)
        {
            await rules.DeliverAsync(new MessageReceived($"text-{i}", PhoneNumber, "+14155550101", rules.Clock.GetUtcNow(), "auto: thanks for your message"));
            rules.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var last = await rules.DecisionForAsync($"text-{limit}");
        Assert.Equal((Outcome.Suppressed, SuppressionReason.LoopGuard), (last.Outcome, last.Reason));
        Assert.Equal(SuppressionReason.Cooldown, (await rules.DecisionForAsync($"text-{limit - 1}")).Reason);
    }

    [Fact]
    public async Task A_contact_writing_at_a_person_s_pace_is_not_held_back_by_the_loop_guard()
    {
        await using var rules = await StartAsync(new SendBudgetOptions());
        var limit = new LoopGuardOptions().MaxEvents;
        for (var i = 0; i <= limit; i++)
        {
            await rules.DeliverAsync(new MessageReceived($"text-{i}", PhoneNumber, "+14155550101", rules.Clock.GetUtcNow(), "one more thing"));
            rules.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(SuppressionReason.Cooldown, (await rules.DecisionForAsync($"text-{limit}")).Reason);
    }

    private static async Task<RulesConsumers> StartAsync(SendBudgetOptions budgets)
    {
        var rules = new RulesConsumers(budgets);
        await rules.StartAsync();
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply), (Trigger.Message, Schedule.AfterHours, AfterHoursReply));
        return rules;
    }
}
