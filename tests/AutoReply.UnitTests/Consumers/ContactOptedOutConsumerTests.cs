using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using static AutoReply.UnitTests.Consumers.RulesConsumers;
using AutoReply.Rules.OptOuts;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="ContactOptedOutConsumer"/> on the bus: opt-outs the provider reports, and what they do to later events.</summary>
public sealed class ContactOptedOutConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";

    private readonly RulesConsumers rules = new();

    public ValueTask InitializeAsync() => new(rules.StartAsync());

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task A_provider_opt_out_is_recorded_and_the_contacts_next_missed_call_is_suppressed_as_opted_out()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, "Thanks for calling {business_name}."));
        var optedOutAt = rules.Clock.GetUtcNow().AddMinutes(-5);

        await rules.DeliverAsync(new ContactOptedOut(PhoneNumber, Contact, optedOutAt, OptOutSource.Provider));
        await rules.DeliverAsync(new CallMissed("call-1", PhoneNumber, Contact, rules.Clock.GetUtcNow()));

        var optOut = Assert.Single(await rules.OptOutsAsync());
        Assert.Equal((PhoneNumber, Contact, OptOutSource.Provider, optedOutAt), (optOut.PhoneNumber, optOut.Contact, optOut.Source, optOut.OptedOutAt));
        var decision = await rules.DecisionForAsync("call-1");
        Assert.Equal(SuppressionReason.OptedOut, decision.Reason);
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task The_same_opt_out_reported_twice_is_recorded_once_without_a_fault()
    {
        var report = new ContactOptedOut(PhoneNumber, Contact, rules.Clock.GetUtcNow(), OptOutSource.Provider);

        await rules.DeliverAsync(report);
        await rules.DeliverAsync(report);

        Assert.Single(await rules.OptOutsAsync());
    }

    [Fact]
    public async Task An_opt_out_the_contact_texted_stands_as_it_is_when_the_provider_reports_it_again()
    {
        await rules.DeliverAsync(new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow(), "STOP"));
        rules.Clock.Advance(TimeSpan.FromMinutes(1));

        await rules.DeliverAsync(new ContactOptedOut(PhoneNumber, Contact, rules.Clock.GetUtcNow(), OptOutSource.Provider));

        var optOut = Assert.Single(await rules.OptOutsAsync());
        Assert.Equal(OptOutSource.Keyword, optOut.Source);
        Assert.Equal(Start, optOut.OptedOutAt);
    }
}
