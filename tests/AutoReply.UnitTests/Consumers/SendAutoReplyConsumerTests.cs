using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.Sender.Delivery;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="SendAutoReplyConsumer"/> on the bus against the SMS sandbox: the text the contact gets, and what is announced.</summary>
public sealed class SendAutoReplyConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";

    private readonly SenderConsumers sender = new();

    public ValueTask InitializeAsync() => new(sender.StartAsync());

    public ValueTask DisposeAsync() => sender.DisposeAsync();

    [Fact]
    public async Task A_command_texts_the_contact_once_and_the_send_is_announced_as_queued()
    {
        var command = sender.Command(Contact, "Thanks for calling Acme Dental. We're back tomorrow at 9:00 AM.");

        await sender.DeliverAsync(command);

        var text = Assert.Single(sender.TextsTo(Contact));
        Assert.Equal((SenderConsumers.BusinessNumber, "Thanks for calling Acme Dental. We're back tomorrow at 9:00 AM."), (text.From, text.Body));
        var announced = await sender.Harness.PublishedAsync<SendStateChanged>(change => change.DecisionId == command.DecisionId);
        Assert.Equal(DeliveryState.Queued, announced.State);
        Assert.Equal(text.Sid, announced.ProviderMessageId);
        var send = await sender.SendForAsync(command.DecisionId);
        Assert.Equal((DeliveryState.Queued, text.Sid, 1), (send.State, send.ProviderMessageId, send.Attempts));
    }

    [Fact]
    public async Task The_same_command_delivered_again_texts_nobody_twice_and_announces_the_state_again()
    {
        var command = sender.Command(Contact);
        await sender.DeliverAsync(command);

        await sender.DeliverAsync(command);

        var text = Assert.Single(sender.TextsTo(Contact));
        Assert.Equal(0, text.RepeatedCreates);
        var announcements = sender.Harness.PublishedSoFar<SendStateChanged>();
        Assert.Equal(2, announcements.Count);
        Assert.All(announcements, change => Assert.Equal((command.DecisionId, DeliveryState.Queued, text.Sid), (change.DecisionId, change.State, change.ProviderMessageId)));
        Assert.Equal(1, (await sender.SendForAsync(command.DecisionId)).Attempts);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_send_with_the_providers_error_code()
    {
        await sender.InjectFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [Contact] = 21211 } });
        var command = sender.Command(Contact);

        await sender.DeliverAsync(command);

        Assert.Empty(sender.TextsTo(Contact));
        var announced = await sender.Harness.PublishedAsync<SendStateChanged>(change => change.DecisionId == command.DecisionId);
        Assert.Equal((DeliveryState.Failed, "21211"), (announced.State, announced.ErrorCode));
        var send = await sender.SendForAsync(command.DecisionId);
        Assert.Equal((DeliveryState.Failed, "21211", "The 'To' number is not a valid phone number."), (send.State, send.ErrorCode, send.Error));
        Assert.Empty(sender.Harness.PublishedSoFar<ContactOptedOut>());
    }

    [Fact]
    public async Task A_contact_who_opted_out_at_the_carrier_fails_the_send_and_the_opt_out_is_announced()
    {
        await sender.InjectFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [Contact] = 21610 } });
        var command = sender.Command(Contact);

        await sender.DeliverAsync(command);

        var announced = await sender.Harness.PublishedAsync<SendStateChanged>(change => change.DecisionId == command.DecisionId);
        Assert.Equal((DeliveryState.Failed, "21610"), (announced.State, announced.ErrorCode));
        var optOut = await sender.Harness.PublishedAsync<ContactOptedOut>(optOut => optOut.Contact == Contact);
        Assert.Equal((SenderConsumers.BusinessNumber, OptOutSource.Provider), (optOut.PhoneNumber, optOut.Source));
    }
}
