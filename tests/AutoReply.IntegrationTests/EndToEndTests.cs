using AutoReply.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.RulesApi.AutoReplies;
using AutoReply.Security;

namespace AutoReply.IntegrationTests;

/// <summary>The system started by the AppHost, driven through its public HTTP API like a user would.</summary>
[Collection(nameof(WholeSystem))]
public sealed class EndToEndTests(AppHostFixture system)
{
    [Fact]
    public async Task Missed_call_after_hours_texts_the_contact_once_then_cooldown_then_deleted_auto_reply_means_no_auto_reply()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Night Owl Dental"));
        var autoReply = await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} is closed. We'll call you back.");

        var first = await PostMissedCallAsync(number, contact);
        var sent = Assert.Single(await rules.DecisionsWhenAsync(contact, 1));
        Assert.Equal((Outcome.Sent, first), (sent.Outcome, sent.EventId));
        var texts = await Eventually.ReadAsync(() => TextsToAsync(contact), t => t.Count > 0);
        Assert.Equal("Night Owl Dental is closed. We'll call you back.", Assert.Single(texts).GetProperty("body").GetString());
        var delivered = await Eventually.ReadAsync(() => rules.DecisionsAsync(eventId: first), d => d.Single().State == DeliveryState.Delivered);
        Assert.Equal(DeliveryState.Delivered, delivered.Single().State);

        var second = await PostMissedCallAsync(number, contact);
        var afterSecond = await rules.DecisionsWhenAsync(contact, 2);
        Assert.Equal((Outcome.Suppressed, SuppressionReason.Cooldown), (afterSecond[0].Outcome, afterSecond[0].Reason));
        Assert.Equal(second, afterSecond[0].EventId);
        Assert.Single(await TextsToAsync(contact));

        await rules.DeleteAutoReplyAsync(number, autoReply.Id);
        var third = await PostMissedCallAsync(number, contact);
        var afterThird = await rules.DecisionsWhenAsync(contact, 3);
        Assert.Equal((Outcome.Suppressed, SuppressionReason.NoAutoReply, third), (afterThird[0].Outcome, afterThird[0].Reason, afterThird[0].EventId));
        Assert.Single(await TextsToAsync(contact));
    }

    [Fact]
    public async Task A_delayed_reply_is_cancelled_when_the_business_calls_back_first_and_sent_when_it_does_not()
    {
        var (number, calledBack, waiting) = (TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Call Back Plumbing"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back shortly.", delay: "PT2S");

        await PostMissedCallAsync(number, calledBack);
        Assert.Equal(Outcome.Scheduled, (await rules.DecisionsWhenAsync(calledBack, 1))[0].Outcome);
        await system.PostEventAsync("call.placed", number, calledBack);
        var second = await PostMissedCallAsync(number, waiting);

        var cancelled = await Eventually.ReadAsync(() => rules.DecisionsAsync(calledBack), d => d.Single().Outcome != Outcome.Scheduled);
        Assert.Equal((Outcome.Cancelled, SuppressionReason.RecentActivity), (cancelled.Single().Outcome, cancelled.Single().Reason));
        var delivered = await Eventually.ReadAsync(() => rules.DecisionsAsync(eventId: second), d => d.SingleOrDefault()?.State == DeliveryState.Delivered);
        Assert.Equal((Outcome.Sent, DeliveryState.Delivered), (delivered.Single().Outcome, delivered.Single().State));
        Assert.Equal("Call Back Plumbing will call you back shortly.", Assert.Single(await TextsToAsync(waiting)).GetProperty("body").GetString());
        Assert.Empty(await TextsToAsync(calledBack));
    }

    [Fact]
    public async Task A_contact_who_texts_in_french_gets_the_french_reply_to_their_next_missed_call_and_one_who_texts_in_english_the_english_one()
    {
        var (number, french, english) = (TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Garage Dupont"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Sorry we missed your call. {business_name} will call you back {next_open}.",
            translations: [new("fr", "Désolés d'avoir manqué votre appel. {business_name} vous rappelle {next_open}.")]);

        await system.PostEventAsync("message.received", number, french, body: "Bonjour, est-ce que vous changez les plaquettes de frein ?");
        await system.PostEventAsync("message.received", number, english, body: "Hi, do you replace brake pads?");
        await rules.DecisionsWhenAsync(french, 1);
        await rules.DecisionsWhenAsync(english, 1);
        var toFrench = await PostMissedCallAsync(number, french);
        var toEnglish = await PostMissedCallAsync(number, english);

        var frenchText = await Eventually.ReadAsync(() => TextsToAsync(french), t => t.Count > 0);
        Assert.Equal("Désolés d'avoir manqué votre appel. Garage Dupont vous rappelle dès notre réouverture.", Assert.Single(frenchText).GetProperty("body").GetString());
        var englishText = await Eventually.ReadAsync(() => TextsToAsync(english), t => t.Count > 0);
        Assert.Equal("Sorry we missed your call. Garage Dupont will call you back as soon as we reopen.", Assert.Single(englishText).GetProperty("body").GetString());
        var frenchDecision = Assert.Single(await rules.DecisionsAsync(eventId: toFrench));
        Assert.Equal((ReplyLanguage.French, LanguageReason.ContactLanguage), (frenchDecision.Language, frenchDecision.LanguageReason));
        var englishDecision = Assert.Single(await rules.DecisionsAsync(eventId: toEnglish));
        Assert.Equal((ReplyLanguage.English, LanguageReason.ContactLanguage), (englishDecision.Language, englishDecision.LanguageReason));
    }

    [Fact]
    public async Task Contact_the_provider_reports_as_opted_out_gets_no_further_auto_replies()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await new SandboxApi(system.Url("smssandbox")).SetFaultsAsync(new { recipientErrors = new Dictionary<string, int> { [contact] = 21610 } });
        await rules.PutNumberAsync(number, TestData.NeverOpen("Carrier Stop Pizza"));
        await rules.CreateAutoReplyAsync(number, "voicemail", "after_hours", "Thanks for your voicemail.");

        var first = await system.PostEventAsync("voicemail.received", number, contact);
        var failed = await Eventually.ReadAsync(() => rules.DecisionsAsync(eventId: first), d => d.SingleOrDefault()?.State == DeliveryState.Failed);
        Assert.Equal((DeliveryState.Failed, "21610"), (failed.Single().State, failed.Single().ErrorCode));

        var next = await Eventually.ReadAsync(
            async () =>
            {
                var id = await system.PostEventAsync("voicemail.received", number, contact);
                return (await Eventually.ReadAsync(() => rules.DecisionsAsync(eventId: id), d => d.Count == 1)).Single();
            },
            decision => decision.Reason == SuppressionReason.OptedOut);
        Assert.Equal(SuppressionReason.OptedOut, next.Reason);
    }

    [Fact]
    public async Task Stop_texted_to_the_business_number_through_the_provider_opts_the_contact_out()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        using var ingress = system.Client("ingress");
        await rules.PutNumberAsync(number, TestData.NeverOpen("Webhook Florist"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "We're closed.");
        var inbound = new Dictionary<string, string> { ["MessageSid"] = $"SM{Guid.NewGuid():N}", ["From"] = contact, ["To"] = number, ["Body"] = "Stop" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/provider/messages") { Content = new FormUrlEncodedContent(inbound) };
        request.Headers.Add(TwilioSignature.HeaderName,
            TwilioSignature.Compute(TestProvider.AuthToken, system.Url("ingress") + "/webhooks/provider/messages", inbound));

        Assert.Equal(HttpStatusCode.OK, (await ingress.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(SuppressionReason.Keyword, Assert.Single(await rules.DecisionsWhenAsync(contact, 1)).Reason);
        await PostMissedCallAsync(number, contact);

        Assert.Equal(SuppressionReason.OptedOut, (await rules.DecisionsWhenAsync(contact, 2))[0].Reason);
        Assert.Empty(await new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact));
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_refused_with_413_by_ingress_and_rules()
    {
        foreach (var (project, path) in new[] { ("ingress", "/v1/events"), ("rules-api", "/v1/numbers/%2B14155550100") })
        {
            using var client = system.Client(project);
            using var body = new StringContent($"{{\"id\": \"{new string('x', 1024 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(project == "rules-api" ? HttpMethod.Put : HttpMethod.Post, path) { Content = body };
            // As a careful uploader does: the 413 comes before the body is sent, instead of racing
            // the body's last bytes into a connection the server has already closed (a broken pipe).
            request.Headers.ExpectContinue = true;

            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Every_service_reports_ready_and_alive()
    {
        foreach (var project in new[] { "ingress", "rules", "rules-api", "sender", "smssandbox" })
        {
            using var client = new HttpClient { BaseAddress = new Uri(system.Url(project)) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    private Task<string> PostMissedCallAsync(string number, string contact) => system.PostEventAsync("call.missed", number, contact);

    private Task<List<JsonElement>> TextsToAsync(string contact) => new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact);
}
