using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Sender.Delivery;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="ProviderStatusConsumer"/> on the bus: the provider's status callbacks applied to recorded sends, forward only.</summary>
public sealed class ProviderStatusConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";

    private readonly SenderConsumers sender = new();

    public ValueTask InitializeAsync() => new(sender.StartAsync());

    public ValueTask DisposeAsync() => sender.DisposeAsync();

    /// <summary>A send the sandbox took, as the provider's message id.</summary>
    private async Task<(Guid DecisionId, string ProviderMessageId)> QueuedSendAsync()
    {
        var command = sender.Command(Contact);
        await sender.DeliverAsync(command);
        return (command.DecisionId, Assert.Single(sender.TextsTo(Contact)).Sid);
    }

    [Fact]
    public async Task A_status_for_a_recorded_send_moves_it_forward_and_announces_the_change()
    {
        var (decisionId, sid) = await QueuedSendAsync();
        sender.Clock.Advance(TimeSpan.FromSeconds(3));

        await sender.DeliverAsync(new ProviderStatusReported(sid, DeliveryState.Delivered, null, sender.Clock.GetUtcNow()));

        var announced = await sender.Harness.PublishedAsync<SendStateChanged>(change => change.State == DeliveryState.Delivered);
        Assert.Equal((decisionId, sid, sender.Clock.GetUtcNow()), (announced.DecisionId, announced.ProviderMessageId, announced.ChangedAt));
        Assert.Equal(DeliveryState.Delivered, (await sender.SendForAsync(decisionId)).State);
    }

    [Fact]
    public async Task A_late_earlier_status_leaves_the_send_where_it_is_and_announces_nothing()
    {
        var (decisionId, sid) = await QueuedSendAsync();
        await sender.DeliverAsync(new ProviderStatusReported(sid, DeliveryState.Undelivered, "30003", sender.Clock.GetUtcNow()));

        await sender.DeliverAsync(new ProviderStatusReported(sid, DeliveryState.Sent, null, sender.Clock.GetUtcNow().AddSeconds(-1)));

        var send = await sender.SendForAsync(decisionId);
        Assert.Equal((DeliveryState.Undelivered, "30003"), (send.State, send.ErrorCode));
        Assert.DoesNotContain(sender.Harness.PublishedSoFar<SendStateChanged>(), change => change.State == DeliveryState.Sent);
    }

    [Fact]
    public async Task A_status_for_an_unknown_message_older_than_the_patience_is_dropped_without_a_fault()
    {
        var reportedAt = sender.Clock.GetUtcNow() - ProviderStatusConsumer.UnmatchedCallbackPatience - TimeSpan.FromSeconds(1);

        await sender.DeliverAsync(new ProviderStatusReported("SM00000000000000000000000000000000", DeliveryState.Delivered, null, reportedAt));

        Assert.Empty(sender.Harness.PublishedSoFar<SendStateChanged>());
    }
}
