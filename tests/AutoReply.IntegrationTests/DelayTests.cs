using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.RulesApi.Decisions;

namespace AutoReply.IntegrationTests;

/// <summary>
/// Auto-replies with a delay against the real RabbitMQ, Redis and PostgreSQL: scheduled at the
/// decision, then sent at the due time by whichever rules replica takes it, or cancelled when the
/// business answers first, the auto-reply or the number goes, or the contact opts out.
/// </summary>
public sealed class DelayTests(RealServers servers) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> QuickLook = new() { ["Scheduling:PollInterval"] = "00:00:00.200" };

    private readonly RulesOnTheBus rules = new(servers, QuickLook);

    private RulesApiClient Api => rules.Api;

    private TestBus<SendStateChanged> Bus => rules.Bus;

    public ValueTask InitializeAsync() => rules.InitializeAsync();

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task A_reply_with_a_delay_is_scheduled_then_sent_at_its_due_time()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT2S");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var scheduled = Assert.Single(await Api.DecisionsWhenAsync(contact, 1));
        Assert.Equal(Outcome.Scheduled, scheduled.Outcome);
        Assert.Equal(scheduled.DecidedAt.AddSeconds(2), scheduled.DueAt);
        var sent = await SettledAsync(contact);
        Assert.Equal((Outcome.Sent, (SuppressionReason?)null, scheduled.Message), (sent.Outcome, sent.Reason, sent.Message));
    }

    [Fact]
    public async Task The_business_calling_back_during_the_delay_cancels_the_reply_as_recent_activity()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT3S");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        Assert.Equal(Outcome.Scheduled, (await Api.DecisionsWhenAsync(contact, 1))[0].Outcome);
        await Bus.PublishAsync(new CallPlaced(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var cancelled = await SettledAsync(contact);
        Assert.Equal((Outcome.Cancelled, SuppressionReason.RecentActivity), (cancelled.Outcome, cancelled.Reason));
    }

    [Fact]
    public async Task Deleting_the_auto_reply_during_the_delay_cancels_the_reply_as_no_auto_reply()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT3S");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        var scheduled = (await Api.DecisionsWhenAsync(contact, 1))[0];
        await Api.DeleteAutoReplyAsync(number, scheduled.AutoReplyId!.Value);

        var cancelled = await SettledAsync(contact);
        Assert.Equal((Outcome.Cancelled, SuppressionReason.NoAutoReply), (cancelled.Outcome, cancelled.Reason));
    }

    [Fact]
    public async Task The_contact_opting_out_during_the_delay_cancels_the_reply_as_opted_out()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT3S");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        await Api.DecisionsWhenAsync(contact, 1);
        await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, contact, DateTimeOffset.UtcNow, "STOP"));

        var decisions = await Eventually.ReadAsync(() => Api.DecisionsAsync(contact), d => d.Count == 2 && d.All(x => x.Outcome != Outcome.Scheduled), TimeSpan.FromSeconds(15));
        var call = Assert.Single(decisions, d => d.Trigger == Trigger.MissedCall);
        Assert.Equal((Outcome.Cancelled, SuppressionReason.OptedOut), (call.Outcome, call.Reason));
    }

    [Fact]
    public async Task A_second_missed_call_during_the_delay_is_in_the_cooldown_and_one_reply_goes_out()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT2S");

        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        await Api.DecisionsWhenAsync(contact, 1);
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));

        var decisions = await Eventually.ReadAsync(() => Api.DecisionsAsync(contact), d => d.Count == 2 && d.All(x => x.Outcome != Outcome.Scheduled), TimeSpan.FromSeconds(15));
        Assert.Equal(SuppressionReason.Cooldown, decisions[0].Reason);
        Assert.Equal(Outcome.Sent, decisions[1].Outcome);
    }

    [Fact]
    public async Task A_scheduled_reply_outlives_the_rules_service_that_scheduled_it_and_the_next_one_sends_it()
    {
        var (number, contact) = await NumberWithDelayedReplyAsync("PT3S");
        await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, DateTimeOffset.UtcNow));
        Assert.Equal(Outcome.Scheduled, (await Api.DecisionsWhenAsync(contact, 1))[0].Outcome);

        await rules.Service.DisposeAsync();
        await using var next = new RulesService(servers, QuickLook);
        var nextApi = new RulesApiClient(next.CreateAuthorizedClient());

        var decisions = await Eventually.ReadAsync(() => nextApi.DecisionsAsync(contact), d => d.Single().Outcome != Outcome.Scheduled, TimeSpan.FromSeconds(15));
        Assert.Equal(Outcome.Sent, decisions.Single().Outcome);
    }

    private async Task<(string Number, string Contact)> NumberWithDelayedReplyAsync(string delay)
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Patient Dental"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "{business_name}: we'll call you back.", delay);
        await Api.CreateAutoReplyAsync(number, "message", "business_hours", "Thanks for your text.");
        return (number, contact);
    }

    /// <summary>The contact's one decision once it is no longer scheduled (its due time is seconds away).</summary>
    private async Task<DecisionResponse> SettledAsync(string contact)
    {
        var decisions = await Eventually.ReadAsync(() => Api.DecisionsAsync(contact), d => d.Count == 1 && d[0].Outcome != Outcome.Scheduled, TimeSpan.FromSeconds(15));
        return Assert.Single(decisions);
    }
}
