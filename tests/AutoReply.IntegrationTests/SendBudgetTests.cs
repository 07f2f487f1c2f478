using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>The daily send budgets in PostgreSQL, spent by two rules replicas at once from the real bus.</summary>
public sealed class SendBudgetTests(RealServers servers) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> TwoTextsPerNumber = new() { ["SendBudgets:PerNumberPerDay"] = "2" };

    private readonly RulesService first = new(servers, TwoTextsPerNumber);
    private readonly RulesService second = new(servers, TwoTextsPerNumber);
    private TestBus<SendAutoReply> bus = null!;

    public async ValueTask InitializeAsync()
    {
        // Both replicas consume from the start: they compete for the events.
        _ = first.Services;
        _ = second.Services;
        bus = await TestBus.StartAsync<SendAutoReply>(servers.RabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_deciding_at_once_send_exactly_the_number_s_daily_budget_and_suppress_the_rest_for_budget()
    {
        var api = new RulesApiClient(first.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Budget Bikes"));
        await api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back.");
        List<string> contacts = [.. Enumerable.Range(0, 12).Select(_ => TestData.PhoneNumber())];

        await Task.WhenAll(contacts.Select(contact => bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow))));

        var decisions = await Eventually.ReadAsync(
            async () => (await Task.WhenAll(contacts.Select(contact => api.DecisionsAsync(contact)))).SelectMany(d => d).ToList(),
            d => d.Count == contacts.Count);
        Assert.Equal(2, decisions.Count(d => d.Outcome == Outcome.Sent));
        Assert.Equal(10, decisions.Count(d => d.Reason == SuppressionReason.Budget));
    }
}
