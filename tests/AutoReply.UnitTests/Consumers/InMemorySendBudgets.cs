using Microsoft.Extensions.Options;
using AutoReply.Domain.Budgets;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Consumers;

/// <summary>The daily send budgets as PostgreSQL keeps them, in memory, spent by the same allocation.</summary>
internal sealed class InMemorySendBudgets(IOptions<SendBudgetOptions> options) : ISendBudgets
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Scope, DateOnly Day), SendBudgetCount> counts = [];

    public Task<BudgetSpend> SpendAsync(IReadOnlyList<BudgetRequest> requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = SendBudgets.DayOf(now);
        lock (gate)
        {
            var today = SendBudgets.ScopesOf(requests).ToDictionary(
                scope => scope,
                scope => counts.TryGetValue((scope, day), out var count) ? count : counts[(scope, day)] = new SendBudgetCount { Scope = scope, Day = day });
            return Task.FromResult(SendBudgets.Allocate(requests, today, options.Value, now));
        }
    }

    public Task<BudgetsSpent> SpentAsync(string phoneNumber, Guid workspaceId, DateOnly day, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            int Sent(string scope) => counts.TryGetValue((scope, day), out var count) ? count.Sent : 0;
            return Task.FromResult(new BudgetsSpent(Sent(SendBudgetCount.NumberScope(phoneNumber)), Sent(SendBudgetCount.WorkspaceScope(workspaceId))));
        }
    }
}
