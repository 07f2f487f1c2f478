using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.RulesApi.Decisions;

namespace AutoReply.IntegrationTests;

/// <summary>Two rules instances consuming from the same queue, as two replicas in Kubernetes would.</summary>
public sealed class ReplicaTests(RealServers servers) : IAsyncLifetime
{
    private const int EventsPerStep = 10;
    private readonly RulesService first = new(servers);
    private readonly RulesService second = new(servers);
    private readonly ConsumedEvents consumedByFirst = new();
    private readonly ConsumedEvents consumedBySecond = new();
    private TestBus<SendStateChanged> bus = null!;

    public async ValueTask InitializeAsync()
    {
        first.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumedByFirst);
        second.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumedBySecond);
        bus = await TestBus.StartAsync<SendStateChanged>(servers.RabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Edit_and_delete_on_one_replica_are_honoured_by_the_very_next_event_on_every_replica()
    {
        var number = TestData.PhoneNumber();
        var onFirst = new RulesApiClient(first.CreateAuthorizedClient());
        var onSecond = new RulesApiClient(second.CreateAuthorizedClient());
        await onFirst.PutNumberAsync(number, TestData.AlwaysOpen("Replica Motors"));
        var autoReply = await onFirst.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Old text.");
        await MissedCallsAsync(number, "warm-up");

        await onSecond.EditAutoReplyAsync(number, autoReply.Id, "New text.");
        var afterEdit = await MissedCallsAsync(number, "after-edit");
        Assert.All(afterEdit, d => Assert.Equal("New text.", d.Message));

        await onSecond.DeleteAutoReplyAsync(number, autoReply.Id);
        var afterDelete = await MissedCallsAsync(number, "after-delete");
        Assert.All(afterDelete, d => Assert.Equal(SuppressionReason.NoAutoReply, d.Reason));
        // Both replicas took part, or the test would prove nothing about replicas.
        Assert.True(consumedByFirst.Count > 0 && consumedBySecond.Count > 0, $"consumed {consumedByFirst.Count} and {consumedBySecond.Count}");

        async Task<List<DecisionResponse>> MissedCallsAsync(string phoneNumber, string step)
        {
            // One contact per event: no cooldown between them, so each decision shows the slot as it stood.
            var contacts = Enumerable.Range(0, EventsPerStep).Select(_ => TestData.PhoneNumber()).ToList();
            await Task.WhenAll(contacts.Select(contact =>
                bus.PublishAsync(new CallMissed($"{step}-{TestData.EventId()}", phoneNumber, contact, DateTimeOffset.UtcNow))));
            var decisions = new List<DecisionResponse>();
            foreach (var contact in contacts)
            {
                decisions.Add(Assert.Single(await onFirst.DecisionsWhenAsync(contact, 1)));
            }
            return decisions;
        }
    }
}

/// <summary>Counts the communication events one replica consumed.</summary>
internal sealed class ConsumedEvents : IConsumeObserver
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is CallMissed)
        {
            Interlocked.Increment(ref count);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
