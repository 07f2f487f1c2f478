using AutoReply.Contracts;
using AutoReply.Domain.Budgets;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Rules;

/// <summary>Specs how a batch's replies spend the number's and the workspace's daily budgets.</summary>
public sealed class SendBudgetAllocationTests
{
    private static readonly Guid Workspace = Guid.Parse("0193a6f0-0000-7000-8000-0000000000aa");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-24T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Replies_spend_both_budgets_in_order_and_those_past_either_are_refused()
    {
        var requests = Requests(("+14155550100", "a"), ("+14155550100", "b"), ("+14155550101", "c"), ("+14155550101", "d"));
        var counts = Counts(requests);

        var spend = SendBudgets.Allocate(requests, counts, new SendBudgetOptions { PerNumberPerDay = 1, PerWorkspacePerDay = 10 }, Now);

        Assert.Equal(["b", "d"], spend.Denied.Select(e => e.EventId).Order());
        Assert.Equal(2, counts[SendBudgetCount.WorkspaceScope(Workspace)].Sent);
    }

    [Fact]
    public void A_budget_is_reported_spent_once_a_day_however_many_replies_it_refuses()
    {
        var first = Requests(("+14155550100", "a"), ("+14155550100", "b"), ("+14155550100", "c"));
        var counts = Counts(first);
        var limits = new SendBudgetOptions { PerNumberPerDay = 1 };

        var earlier = SendBudgets.Allocate(first, counts, limits, Now);
        var later = SendBudgets.Allocate(Requests(("+14155550100", "d")), counts, limits, Now.AddHours(1));

        Assert.Equal([SendBudgetCount.NumberScope("+14155550100")], earlier.NewlyExhausted.Select(c => c.Scope));
        Assert.Equal(["d"], later.Denied.Select(e => e.EventId));
        Assert.Empty(later.NewlyExhausted);
    }

    private static List<BudgetRequest> Requests(params (string PhoneNumber, string EventId)[] replies) =>
        [.. replies.Select(r => new BudgetRequest(new InboundEvent(r.EventId, EventType.CallMissed, Trigger.MissedCall, r.PhoneNumber, "+14155550199", Now, null), Workspace))];

    private static Dictionary<string, SendBudgetCount> Counts(IEnumerable<BudgetRequest> requests) =>
        SendBudgets.ScopesOf(requests).ToDictionary(scope => scope, scope => new SendBudgetCount { Scope = scope, Day = SendBudgets.DayOf(Now) });
}
