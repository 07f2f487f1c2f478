using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using static AutoReply.UnitTests.Consumers.RulesConsumers;
using AutoReply.Domain.Decisions;
using AutoReply.Rules.Delivery;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="SendStateConsumer"/> on the bus: the sender's delivery states copied onto the decision, forward only.</summary>
public sealed class SendStateConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";
    private const string ProviderMessageId = "SM0123456789abcdef0123456789abcdef";

    private readonly RulesConsumers rules = new();

    public ValueTask InitializeAsync() => new(rules.StartAsync());

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    private async Task<Decision> SentDecisionAsync()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, "Thanks for calling {business_name}."));
        var call = new CallMissed("call-1", PhoneNumber, Contact, rules.Clock.GetUtcNow());
        await rules.DeliverAsync(call);
        return await rules.DecisionForAsync(call.EventId);
    }

    [Fact]
    public async Task Delivery_states_move_the_decision_forward_and_a_late_earlier_state_does_not_move_it_back()
    {
        var decision = await SentDecisionAsync();
        var queuedAt = rules.Clock.GetUtcNow();
        var deliveredAt = queuedAt.AddSeconds(4);

        await rules.DeliverAsync(new SendStateChanged(decision.Id, DeliveryState.Queued, ProviderMessageId, null, null, queuedAt));
        await rules.DeliverAsync(new SendStateChanged(decision.Id, DeliveryState.Delivered, ProviderMessageId, null, null, deliveredAt));
        await rules.DeliverAsync(new SendStateChanged(decision.Id, DeliveryState.Sent, ProviderMessageId, null, null, queuedAt.AddSeconds(2)));

        var settled = await rules.DecisionForAsync(decision.EventId);
        Assert.Equal(DeliveryState.Delivered, settled.SendState);
        Assert.Equal(deliveredAt, settled.SendStateChangedAt);
        Assert.Equal(ProviderMessageId, settled.ProviderMessageId);
        Assert.Equal([(decision.Id, Outcome.Sent, 0, 1)], rules.Counts.Applied.Select(c => (c.Decision.Id, c.Outcome, c.Count, c.Delivered)));
    }

    [Fact]
    public async Task States_of_one_send_that_arrive_together_are_applied_in_the_order_they_happened()
    {
        var decision = await SentDecisionAsync();
        var queuedAt = rules.Clock.GetUtcNow();
        var deliveredAt = queuedAt.AddSeconds(4);

        await rules.DeliverTogetherAsync(
            new SendStateChanged(decision.Id, DeliveryState.Delivered, ProviderMessageId, null, null, deliveredAt),
            new SendStateChanged(decision.Id, DeliveryState.Queued, ProviderMessageId, null, null, queuedAt),
            new SendStateChanged(decision.Id, DeliveryState.Sent, ProviderMessageId, null, null, queuedAt.AddSeconds(2)));

        var settled = await rules.DecisionForAsync(decision.EventId);
        Assert.Equal(DeliveryState.Delivered, settled.SendState);
        Assert.Equal(deliveredAt, settled.SendStateChangedAt);
    }

    [Fact]
    public async Task A_failed_send_shows_on_the_decision_with_the_providers_error()
    {
        var decision = await SentDecisionAsync();

        await rules.DeliverAsync(new SendStateChanged(
            decision.Id, DeliveryState.Failed, null, "21211", "The 'To' number is not a valid phone number.", rules.Clock.GetUtcNow()));

        var failed = await rules.DecisionForAsync(decision.EventId);
        Assert.Equal(DeliveryState.Failed, failed.SendState);
        Assert.Empty(rules.Counts.Applied);
        Assert.Equal("21211", failed.SendErrorCode);
        Assert.Equal("The 'To' number is not a valid phone number.", failed.SendError);
    }

    [Fact]
    public async Task A_state_for_a_decision_rules_never_made_is_ignored_without_a_fault()
    {
        await rules.DeliverAsync(new SendStateChanged(Guid.NewGuid(), DeliveryState.Delivered, ProviderMessageId, null, null, rules.Clock.GetUtcNow()));

        await using var db = rules.OpenDatabase();
        Assert.Empty(db.Decisions);
    }
}
