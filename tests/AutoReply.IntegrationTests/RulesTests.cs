using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.IntegrationTests;

/// <summary>The rules service against the real RabbitMQ, Redis and PostgreSQL, fed straight from the Bus.</summary>
public sealed class RulesTests(RealServers servers) : IAsyncLifetime
{
    private readonly RulesOnTheBus rules = new(servers);

    private RulesApiClient Api => rules.Api;

    private TestBus<SendStateChanged> Bus => rules.Bus;

    public ValueTask InitializeAsync() => rules.InitializeAsync();

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task Twenty_simultaneous_missed_calls_from_one_contact_produce_exactly_one_sent_decision()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Cooldown Dental"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Sorry we missed you!");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow))));

        var decisions = await Api.DecisionsWhenAsync(contact, 20);
        Assert.Equal(20, decisions.Count);
        Assert.Single(decisions, d => d.Outcome == Outcome.Sent);
        // Twenty calls in a moment are more than a person makes: past the tenth the loop guard says so.
        Assert.All(decisions.Where(d => d.Outcome != Outcome.Sent), d => Assert.Contains(d.Reason, new SuppressionReason?[] { SuppressionReason.Cooldown, SuppressionReason.LoopGuard }));
    }

    [Fact]
    public async Task An_event_stamped_with_a_utc_offset_is_decided_like_any_other()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.NeverOpen("Offset Bakery"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "after_hours", "We'll call you back.");
        var inNewYork = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-5));

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, inNewYork));

        var decision = Assert.Single(await Api.DecisionsWhenAsync(contact, 1));
        Assert.Equal(Outcome.Sent, decision.Outcome);
    }

    [Fact]
    public async Task Event_delivered_twice_gets_one_decision()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.NeverOpen("Twice Plumbing"));
        await Api.CreateAutoReplyAsync(number, "voicemail", "after_hours", "Thanks for your voicemail.");
        var voicemail = new VoicemailReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow);

        await Bus.PublishAsync(voicemail);
        await Bus.PublishAsync(voicemail);

        await Api.DecisionsWhenAsync(contact, 1);
        // The second delivery is consumed within moments; watched long enough to catch its decision if it made one.
        var decisions = await Consistently.HoldsAsync(() => Api.DecisionsAsync(contact), d => d.Count == 1, TimeSpan.FromSeconds(5));
        var decision = Assert.Single(decisions);
        Assert.Equal((Outcome.Sent, voicemail.EventId), (decision.Outcome, decision.EventId));
    }

    [Fact]
    public async Task Business_calling_the_contact_by_hand_suppresses_the_reply_as_recent_activity()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Busy Realty"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back.");

        await Bus.PublishAsync(new CallPlaced(TestData.EventId(), number, contact, DateTimeOffset.UtcNow.AddMinutes(-30)));
        await rules.OutboundActivityRecordedAsync(number, contact);
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var decision = Assert.Single(await Api.DecisionsWhenAsync(contact, 1));
        Assert.Equal((Outcome.Suppressed, SuppressionReason.RecentActivity), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task Recent_activity_still_suppresses_the_reply_after_redis_loses_its_data()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Forgetful Realty"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back.");
        await Bus.PublishAsync(new MessageSent(TestData.EventId(), number, contact, DateTimeOffset.UtcNow.AddMinutes(-5)));
        await rules.OutboundActivityRecordedAsync(number, contact);

        await servers.LoseRulesRedisDataAsync();
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var decision = Assert.Single(await Api.DecisionsWhenAsync(contact, 1));
        Assert.Equal((Outcome.Suppressed, SuppressionReason.RecentActivity), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task Cooldown_still_suppresses_a_second_reply_after_redis_loses_its_data()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Forgetful Dental"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Sorry we missed you!");
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        Assert.Equal(Outcome.Sent, Assert.Single(await Api.DecisionsWhenAsync(contact, 1)).Outcome);

        await servers.LoseRulesRedisDataAsync();
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var latest = (await Api.DecisionsWhenAsync(contact, 2))[0];
        Assert.Equal((Outcome.Suppressed, SuppressionReason.Cooldown), (latest.Outcome, latest.Reason));
    }


    [Fact]
    public async Task Event_for_a_number_without_settings_is_suppressed_as_unknown_number()
    {
        var contact = TestData.PhoneNumber();

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), TestData.PhoneNumber(), contact, DateTimeOffset.UtcNow));

        var decision = Assert.Single(await Api.DecisionsWhenAsync(contact, 1));
        Assert.Equal((Outcome.Suppressed, SuppressionReason.UnknownNumber), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task Missed_call_and_its_voicemail_from_one_contact_produce_one_text()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("One Text Clinic"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Sorry we missed your call.");
        await Api.CreateAutoReplyAsync(number, "voicemail", "business_hours", "Thanks for your voicemail.");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        await Api.DecisionsWhenAsync(contact, 1);
        await Bus.PublishAsync(new VoicemailReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var decisions = await Api.DecisionsWhenAsync(contact, 2);
        Assert.Equal(
            [(Outcome.Suppressed, (SuppressionReason?)SuppressionReason.Cooldown, (Trigger?)Trigger.Voicemail), (Outcome.Sent, null, Trigger.MissedCall)],
            decisions.Select(d => (d.Outcome, d.Reason, d.Trigger)));
    }

    [Fact]
    public async Task Stop_opts_the_contact_out_even_after_redis_loses_its_data_and_start_opts_back_in()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Opt Out Bakery"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back.");

        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow, " stop "));
        Assert.Equal(SuppressionReason.Keyword, (await Api.DecisionsWhenAsync(contact, 1))[0].Reason);

        await servers.LoseRulesRedisDataAsync();
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        Assert.Equal(SuppressionReason.OptedOut, (await Api.DecisionsWhenAsync(contact, 2))[0].Reason);

        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow, "START"));
        Assert.Equal(SuppressionReason.Keyword, (await Api.DecisionsWhenAsync(contact, 3))[0].Reason);
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        Assert.Equal(Outcome.Sent, (await Api.DecisionsWhenAsync(contact, 4))[0].Outcome);
    }

    [Fact]
    public async Task Text_that_merely_contains_a_keyword_is_an_ordinary_text()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Keyword Cafe"));
        await Api.CreateAutoReplyAsync(number, "message", "business_hours", "Thanks for your message!");

        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow, "stop by later?"));

        Assert.Equal(Outcome.Sent, Assert.Single(await Api.DecisionsWhenAsync(contact, 1)).Outcome);
    }
}
