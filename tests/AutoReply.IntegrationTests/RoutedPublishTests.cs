using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Messaging;
using MassTransit;

namespace AutoReply.IntegrationTests;

/// <summary>Publishing an event, or sending a command, no consumer has bound a queue for, on the real RabbitMQ.</summary>
public sealed class RoutedPublishTests(RealServers servers)
{
    [Fact]
    public async Task Event_no_queue_is_bound_for_is_refused_instead_of_dropped()
    {
        await using var bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);

        await Assert.ThrowsAsync<MessageReturnedException>(() =>
            bus.Publisher.PublishRoutedAsync(new UnboundProbe(Guid.NewGuid()), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Event_with_a_bound_queue_is_published()
    {
        await using var bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);
        var missedCall = new CallMissed(TestData.EventId(), TestData.PhoneNumber(), TestData.PhoneNumber(), DateTimeOffset.UtcNow);

        await bus.Publisher.PublishRoutedAsync(missedCall, TestContext.Current.CancellationToken);

        var received = await Eventually.ReadAsync(() => Task.FromResult(bus.Observed.Any(e => e.EventId == missedCall.EventId)), seen => seen);
        Assert.True(received);
    }

    [Fact]
    public async Task Command_sent_before_its_consumer_ever_bound_a_queue_is_refused_instead_of_dropped()
    {
        await using var bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);
        var endpoint = await bus.Sender.GetSendEndpoint(new Uri($"exchange:never-consumed-{Guid.NewGuid():N}"));

        await Assert.ThrowsAsync<MessageReturnedException>(() =>
            endpoint.SendRoutedAsync(new UnboundProbe(Guid.NewGuid()), TestContext.Current.CancellationToken));
    }

    /// <summary>A message type nothing in AutoReply consumes.</summary>
    public sealed record UnboundProbe(Guid Id);
}
