using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using AutoReply.Sender.Delivery;
using MassTransit;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="SendFaultConsumer"/> on the bus: a send whose command used up its retries is settled, not left sending.</summary>
public sealed class SendFaultConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";

    private readonly SenderConsumers sender = new();

    public ValueTask InitializeAsync() => new(sender.StartAsync());

    public ValueTask DisposeAsync() => sender.DisposeAsync();

    [Fact]
    public async Task A_send_the_unavailable_provider_never_took_is_failed_as_provider_unavailable_once_its_retries_are_spent()
    {
        await sender.InjectFaultsAsync(new { failureRate = 1.0, failureStatus = 503 });
        var command = sender.Command(Contact);

        await sender.Harness.SendAsync(Queues.SendAutoReplyAddress, command);

        await sender.Harness.ConsumedAsync<Fault<SendAutoReply>>(fault => fault.Message.DecisionId == command.DecisionId);
        var announced = await sender.Harness.PublishedAsync<SendStateChanged>(change => change.DecisionId == command.DecisionId);
        Assert.Equal((DeliveryState.Failed, SendFaultConsumer.ProviderUnavailable), (announced.State, announced.ErrorCode));
        var send = await sender.SendForAsync(command.DecisionId);
        Assert.Equal((DeliveryState.Failed, SendFaultConsumer.ProviderUnavailable, 1), (send.State, send.ErrorCode, send.Attempts));
        Assert.Empty(sender.TextsTo(Contact));
    }
}
