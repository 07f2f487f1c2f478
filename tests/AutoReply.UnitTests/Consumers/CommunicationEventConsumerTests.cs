using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using AutoReply.Security;
using static AutoReply.UnitTests.Consumers.RulesConsumers;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Languages;
using AutoReply.Rules.Evaluation;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Specs <see cref="CommunicationEventConsumer"/> on the bus: the decision an event gets, and the send command a reply sends.</summary>
public sealed class CommunicationEventConsumerTests : IAsyncLifetime
{
    private const string Contact = "+14155550199";
    private static readonly Guid OtherWorkspace = Guid.Parse("0193a6f0-0000-7000-8000-00000000000b");
    private const string AfterHoursReply = "Thanks for calling {business_name}. We're back {next_open}.";
    private const string RenderedAfterHoursReply = "Thanks for calling Acme Dental. We're back tomorrow at 9:00 AM.";

    private readonly RulesConsumers rules = new();

    public ValueTask InitializeAsync() => new(rules.StartAsync());

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    private CallMissed MissedCall(string eventId) => new(eventId, PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromSeconds(30));

    private async Task<Decision> DecideAsync<T>(T e)
        where T : class, ICommunicationEvent
    {
        await rules.DeliverAsync(e);
        return await rules.DecisionForAsync(e.EventId);
    }

    [Fact]
    public async Task Missed_call_after_hours_is_decided_sent_and_the_send_command_goes_to_the_sender_queue()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        Assert.Null(decision.Reason);
        Assert.Equal(RenderedAfterHoursReply, decision.Message);
        var sent = await rules.Harness.SentAsync<SendAutoReply>(command => command.DecisionId == decision.Id);
        Assert.Equal(Queues.SendAutoReply, sent.QueueName());
        Assert.Equal(new SendAutoReply(decision.Id, "call-1", PhoneNumber, Contact, RenderedAfterHoursReply, Start), sent.Context.Message);
        Assert.Empty(await rules.OutboxAsync());
    }

    [Fact]
    public async Task A_contact_who_texted_in_french_gets_the_french_message_for_their_next_missed_call()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        await rules.TranslateAsync(Trigger.MissedCall, Schedule.AfterHours, new Translation(ReplyLanguage.French, "Merci d'avoir appelé {business_name}. Nous rouvrons {next_open}."));
        await DecideAsync(new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(1), "Bonjour, vous ouvrez à quelle heure demain ?"));

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal("Merci d'avoir appelé Acme Dental. Nous rouvrons demain à 9h00.", decision.Message);
        Assert.Equal((ReplyLanguage.French, LanguageReason.ContactLanguage), (decision.Language, decision.LanguageReason));
    }

    [Fact]
    public async Task A_text_whose_language_cannot_be_told_leaves_the_contact_s_language_as_their_earlier_text_told_it()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        await rules.TranslateAsync(Trigger.MissedCall, Schedule.AfterHours, new Translation(ReplyLanguage.French, "Merci d'avoir appelé {business_name}."));
        await DecideAsync(new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(2), "Je voudrais un rendez-vous pour jeudi"));
        await DecideAsync(new MessageReceived("text-2", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(1), "👍"));

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(("Merci d'avoir appelé Acme Dental.", ReplyLanguage.French), (decision.Message, decision.Language));
    }

    [Fact]
    public async Task A_carrier_keyword_does_not_tell_the_contact_s_language()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        await rules.TranslateAsync(Trigger.MissedCall, Schedule.AfterHours, new Translation(ReplyLanguage.French, "Merci d'avoir appelé {business_name}."));
        await DecideAsync(new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(3), "Vous faites les devis gratuits ?"));
        await DecideAsync(new MessageReceived("text-2", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(2), "STOP"));
        await DecideAsync(new MessageReceived("text-3", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(1), "START"));

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(("Merci d'avoir appelé Acme Dental.", ReplyLanguage.French), (decision.Message, decision.Language));
    }

    [Fact]
    public async Task Second_missed_call_within_the_cooldown_is_suppressed_for_cooldown_and_sends_nothing()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var first = await DecideAsync(MissedCall("call-1"));
        rules.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = await DecideAsync(MissedCall("call-2"));

        Assert.Equal(Outcome.Suppressed, second.Outcome);
        Assert.Equal(SuppressionReason.Cooldown, second.Reason);
        Assert.Null(second.Message);
        var command = Assert.Single(rules.Harness.SentSoFar<SendAutoReply>());
        Assert.Equal(first.Id, command.DecisionId);
    }

    [Fact]
    public async Task Missed_call_after_the_cooldown_has_passed_is_replied_to_again()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        await DecideAsync(MissedCall("call-1"));
        rules.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));

        var later = await DecideAsync(MissedCall("call-2"));

        Assert.Equal(Outcome.Sent, later.Outcome);
        await rules.Harness.SentAsync<SendAutoReply>(command => command.DecisionId == later.Id);
    }

    [Fact]
    public async Task Missed_call_in_a_slot_without_an_auto_reply_is_suppressed_as_no_auto_reply()
    {
        await rules.SaveOfficeAsync(
            (Trigger.MissedCall, Schedule.BusinessHours, "We'll call you back shortly."),
            (Trigger.Voicemail, Schedule.AfterHours, "Got your voicemail."));

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal(SuppressionReason.NoAutoReply, decision.Reason);
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task Missed_call_shortly_after_the_business_called_the_contact_is_suppressed_as_recent_activity()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var placed = new CallPlaced("placed-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(20));
        await rules.DeliverAsync(placed);

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal(SuppressionReason.RecentActivity, decision.Reason);
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task Missed_call_a_workspace_submits_for_its_own_number_is_decided_in_that_workspace()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));

        await rules.DeliverSubmittedAsync(MissedCall("call-1"), DefaultWorkspace.Id);

        var decision = await rules.DecisionForAsync("call-1");
        Assert.Equal((Outcome.Sent, DefaultWorkspace.Id), (decision.Outcome, decision.WorkspaceId));
    }

    [Fact]
    public async Task Missed_call_another_workspace_submits_for_a_number_it_does_not_own_is_an_unknown_number_in_that_workspace()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));

        await rules.DeliverSubmittedAsync(MissedCall("call-1"), OtherWorkspace);

        var decision = await rules.DecisionForAsync("call-1");
        Assert.Equal((Outcome.Suppressed, SuppressionReason.UnknownNumber, OtherWorkspace), (decision.Outcome, decision.Reason, decision.WorkspaceId));
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task STOP_another_workspace_submits_for_a_number_it_does_not_own_opts_nobody_out()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var stop = new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromSeconds(30), "STOP");
        await rules.DeliverSubmittedAsync(stop, OtherWorkspace);

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(Outcome.Sent, decision.Outcome);
    }

    [Fact]
    public async Task Call_another_workspace_submits_for_a_number_it_does_not_own_is_not_the_business_s_recent_activity()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var placed = new CallPlaced("placed-1", PhoneNumber, Contact, rules.Clock.GetUtcNow() - TimeSpan.FromMinutes(20));
        await rules.DeliverSubmittedAsync(placed, OtherWorkspace);

        var decision = await DecideAsync(MissedCall("call-1"));

        Assert.Equal(Outcome.Sent, decision.Outcome);
    }

    [Fact]
    public async Task Two_workspaces_may_use_the_same_event_id_and_each_event_is_decided()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        await rules.DeliverSubmittedAsync(MissedCall("call-1"), OtherWorkspace);

        await rules.DeliverSubmittedAsync(MissedCall("call-1"), DefaultWorkspace.Id);

        var decisions = (await rules.DecisionsForAsync("call-1")).ToDictionary(d => d.WorkspaceId, d => d.Outcome);
        Assert.Equal(new Dictionary<Guid, Outcome> { [OtherWorkspace] = Outcome.Suppressed, [DefaultWorkspace.Id] = Outcome.Sent }, decisions);
    }

    [Fact]
    public async Task STOP_is_decided_as_a_keyword_and_opts_the_contact_out()
    {
        await rules.SaveOfficeAsync((Trigger.Message, Schedule.AfterHours, "Thanks for your message."));

        var decision = await DecideAsync(new MessageReceived("text-1", PhoneNumber, Contact, rules.Clock.GetUtcNow(), "STOP"));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal(SuppressionReason.Keyword, decision.Reason);
        var optOut = Assert.Single(await rules.OptOutsAsync());
        Assert.Equal((PhoneNumber, Contact, OptOutSource.Keyword), (optOut.PhoneNumber, optOut.Contact, optOut.Source));
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task The_same_event_delivered_twice_gets_one_decision_and_one_send_command()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var call = MissedCall("call-1");
        var decision = await DecideAsync(call);
        rules.Clock.Advance(TimeSpan.FromSeconds(5));

        await rules.DeliverAsync(call);

        await using var db = rules.OpenDatabase();
        Assert.Equal(decision.Id, Assert.Single(db.Decisions).Id);
        Assert.Single(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task Missed_calls_from_one_contact_arriving_together_get_one_reply_and_cooldown_for_the_others()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));

        string[] calls = ["call-1", "call-2", "call-3"];

        await rules.DeliverTogetherAsync([.. calls.Select(MissedCall)]);

        var decisions = await Task.WhenAll(calls.Select(rules.DecisionForAsync));
        var replied = Assert.Single(decisions, d => d.Outcome == Outcome.Sent);
        Assert.All(decisions.Where(d => d != replied), d => Assert.Equal(SuppressionReason.Cooldown, d.Reason));
        Assert.Equal(replied.Id, Assert.Single(rules.Harness.SentSoFar<SendAutoReply>()).DecisionId);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_at_once_gets_one_decision_and_one_send_command()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var call = MissedCall("call-1");

        await rules.DeliverTogetherAsync(call, call);

        await using var db = rules.OpenDatabase();
        var decision = Assert.Single(db.Decisions);
        Assert.Equal(decision.Id, Assert.Single(rules.Harness.SentSoFar<SendAutoReply>()).DecisionId);
    }

    [Fact]
    public async Task STOP_consumed_after_a_START_the_contact_sent_later_leaves_the_contact_opted_in()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var now = rules.Clock.GetUtcNow();
        await rules.DeliverAsync(new MessageReceived("start-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(10), "START"));

        await rules.DeliverAsync(new MessageReceived("stop-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(20), "STOP"));

        var call = await DecideAsync(MissedCall("call-1"));
        Assert.Equal(Outcome.Sent, call.Outcome);
    }

    [Fact]
    public async Task START_consumed_after_a_STOP_the_contact_sent_later_leaves_the_contact_opted_out()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var now = rules.Clock.GetUtcNow();
        await rules.DeliverAsync(new MessageReceived("stop-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(10), "STOP"));

        await rules.DeliverAsync(new MessageReceived("start-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(20), "START"));

        var call = await DecideAsync(MissedCall("call-1"));
        Assert.Equal(SuppressionReason.OptedOut, call.Reason);
        Assert.Empty(rules.Harness.SentSoFar<SendAutoReply>());
    }

    [Fact]
    public async Task STOP_then_START_in_order_lets_the_contact_be_replied_to_again()
    {
        await rules.SaveOfficeAsync((Trigger.MissedCall, Schedule.AfterHours, AfterHoursReply));
        var now = rules.Clock.GetUtcNow();
        await rules.DeliverAsync(new MessageReceived("stop-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(20), "STOP"));

        await rules.DeliverAsync(new MessageReceived("start-1", PhoneNumber, Contact, now - TimeSpan.FromSeconds(10), "START"));

        var call = await DecideAsync(MissedCall("call-1"));
        Assert.Equal(Outcome.Sent, call.Outcome);
    }
}
