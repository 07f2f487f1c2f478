using System.Net;
using System.Net.Http.Json;
using AutoReply.Contracts;
using AutoReply.Contracts.Events;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Policy;
using AutoReply.RulesApi.Explain;

namespace AutoReply.IntegrationTests;

/// <summary>
/// <c>POST /v1/numbers/{phoneNumber}/explain</c> against the real servers: for each case of the
/// rulebook (docs/behaviour.md), the explanation first, then the same event through the bus, and
/// the real decision agrees; the explanation itself changes nothing.
/// </summary>
public sealed class ExplainTests(RealServers servers) : IAsyncLifetime
{
    /// <summary>One text a day per number: the budget case spends it with another contact.</summary>
    private readonly RulesOnTheBus rules = new(servers, new Dictionary<string, string?> { ["SendBudgets:PerNumberPerDay"] = "1" });

    private RulesApiClient Api => rules.Api;

    private TestBus<SendStateChanged> Bus => rules.Bus;

    public ValueTask InitializeAsync() => rules.InitializeAsync();

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    public static TheoryData<string, Outcome, SuppressionReason?> Rulebook => new()
    {
        { "nothing applies", Outcome.Sent, null },
        { "the text is STOP", Outcome.Suppressed, SuppressionReason.Keyword },
        { "the event is 20 minutes old", Outcome.Suppressed, SuppressionReason.Stale },
        { "the contact opted out", Outcome.Suppressed, SuppressionReason.OptedOut },
        { "the voicemail slot is empty", Outcome.Suppressed, SuppressionReason.NoAutoReply },
        { "the business called the contact half an hour ago", Outcome.Suppressed, SuppressionReason.RecentActivity },
        { "the contact called ten times this minute", Outcome.Suppressed, SuppressionReason.LoopGuard },
        { "the contact got a reply a moment ago", Outcome.Suppressed, SuppressionReason.Cooldown },
        { "the number sent its text of the day", Outcome.Suppressed, SuppressionReason.Budget },
    };

    [Theory]
    [MemberData(nameof(Rulebook))]
    public async Task Explain_answers_what_the_real_evaluation_then_decides(string situation, Outcome outcome, SuppressionReason? reason)
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Explained Dental"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "We'll call you back, {business_name}.");
        await Api.CreateAutoReplyAsync(number, "message", "business_hours", "Thanks for your text.");
        var imagined = await ArrangeAsync(situation, number, contact);
        var decidedBefore = (await Api.DecisionsAsync(contact)).Count;

        var explained = await ExplainAsync(number, imagined);

        Assert.Equal((outcome, reason), (explained.Outcome, explained.Reason));
        Assert.Equal(RuleOrder, explained.Rules.Select(rule => rule.Rule));
        Assert.Equal(reason, explained.Rules.SingleOrDefault(rule => rule.Verdict == RuleVerdict.Suppressed)?.Rule);
        Assert.Equal(decidedBefore, (await Api.DecisionsAsync(contact)).Count);

        await Bus.PublishAsync(imagined.Event);
        var decision = (await Api.DecisionsWhenAsync(contact, decidedBefore + 1))[0];
        Assert.Equal((explained.Outcome, explained.Reason, explained.Message), (decision.Outcome, decision.Reason, decision.Message));
    }

    [Fact]
    public async Task Explain_says_the_slot_chosen_and_the_hours_that_applied_that_day()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, new
        {
            name = "Holiday Hours Dental",
            timeZone = "America/New_York",
            businessHours = new { monday = new[] { new { open = "09:00", close = "12:00" }, new { open = "13:00", close = "17:00" } } },
            overrides = new[] { new { date = "2027-12-27", hours = Array.Empty<object>() } },
        });
        await Api.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} is closed; we open {next_open}.");

        // Asked in the number's own offset, as a person in New York would write the moment.
        var monday = await ExplainAsync(number, new("missed_call", contact, DateTimeOffset.Parse("2027-12-20T10:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture)));
        var holiday = await ExplainAsync(number, new("missed_call", contact, DateTimeOffset.Parse("2027-12-27T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((Schedule.BusinessHours, true, false), (monday.Slot.Schedule, monday.Hours.Open, monday.Hours.Override));
        Assert.Equal(["09:00-12:00", "13:00-17:00"], monday.Hours.Hours.Select(h => $"{h.Open}-{h.Close}"));
        Assert.Equal((Outcome.Suppressed, SuppressionReason.NoAutoReply), (monday.Outcome, monday.Reason));
        Assert.Equal(("2027-12-27", Schedule.AfterHours, true, false), (holiday.Hours.Date, holiday.Slot.Schedule, holiday.Hours.Override, holiday.Hours.Open));
        Assert.Equal((Outcome.Sent, "Holiday Hours Dental is closed; we open Monday, January 3 at 9:00 AM."), (holiday.Outcome, holiday.Message));
        Assert.Equal(("GSM-7", 1), (holiday.Encoding, holiday.Segments));
    }

    [Fact]
    public async Task Explain_says_the_language_a_reply_would_go_out_in_and_why_and_the_real_decision_agrees()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await Api.PutNumberAsync(number, TestData.AlwaysOpen("Boulangerie Martin"));
        await Api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Sorry we missed you.", translations: [new("fr", "Désolés de vous avoir manqué.")]);
        var text = new Imagined("message", contact, DateTimeOffset.UtcNow, "Bonjour, vous avez encore des croissants ?") { Number = number };
        var call = new Imagined("missed_call", contact, DateTimeOffset.UtcNow) { Number = number };

        var before = await ExplainAsync(number, call);
        await Bus.PublishAsync(text.Event);
        await Api.DecisionsWhenAsync(contact, 1);
        var after = await ExplainAsync(number, call with { At = DateTimeOffset.UtcNow });
        await Bus.PublishAsync(call.Event);
        var decided = (await Api.DecisionsWhenAsync(contact, 2))[0];

        Assert.Equal(("Sorry we missed you.", ReplyLanguage.English, LanguageReason.ContactLanguageUnknown, (ReplyLanguage?)null),
            (before.Message, before.Language!.Language, before.Language.Reason, before.Language.ContactLanguage));
        Assert.Equal(("Désolés de vous avoir manqué.", ReplyLanguage.French, LanguageReason.ContactLanguage, ReplyLanguage.French),
            (after.Message, after.Language!.Language, after.Language.Reason, after.Language.ContactLanguage));
        Assert.Equal(text.At.ToUnixTimeMilliseconds(), after.Language.ContactTextAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal((after.Message, ReplyLanguage.French, LanguageReason.ContactLanguage), (decided.Message, decided.Language, decided.LanguageReason));
    }

    [Fact]
    public async Task Explain_for_a_number_without_settings_is_not_found_and_a_bad_contact_is_a_field_error()
    {
        var client = rules.Service.CreateAuthorizedClient();

        var unknown = await client.PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(TestData.PhoneNumber())}/explain",
            new { trigger = "missed_call", contact = TestData.PhoneNumber() }, TestContext.Current.CancellationToken);
        var invalid = await client.PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(TestData.PhoneNumber())}/explain",
            new { trigger = "fax", contact = "555-0199" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["contact", "trigger"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    private static readonly SuppressionReason[] RuleOrder =
    [
        SuppressionReason.Keyword, SuppressionReason.UnknownNumber, SuppressionReason.Stale, SuppressionReason.OptedOut, SuppressionReason.NoAutoReply,
        SuppressionReason.RecentActivity, SuppressionReason.LoopGuard, SuppressionReason.Cooldown, SuppressionReason.Budget,
    ];

    /// <summary>An event to explain, then to publish as it is.</summary>
    private sealed record Imagined(string Trigger, string Contact, DateTimeOffset At, string? Body = null)
    {
        public ICommunicationEvent Event => Trigger switch
        {
            "message" => new MessageReceived(TestData.EventId(), Number, Contact, At, Body),
            "voicemail" => new VoicemailReceived(TestData.EventId(), Number, Contact, At),
            _ => new CallMissed(TestData.EventId(), Number, Contact, At),
        };

        public string Number { get; init; } = "";
    }

    /// <summary>Brings about <paramref name="situation"/> for the contact, through the bus like the platform would.</summary>
    private async Task<Imagined> ArrangeAsync(string situation, string number, string contact)
    {
        var now = DateTimeOffset.UtcNow;
        var call = new Imagined("missed_call", contact, now) { Number = number };
        switch (situation)
        {
            case "the text is STOP":
                return call with { Trigger = "message", Body = "STOP" };
            case "the event is 20 minutes old":
                return call with { At = now.AddMinutes(-20) };
            case "the contact opted out":
                await Bus.PublishAsync(new MessageReceived(TestData.EventId(), number, contact, now, "STOP"));
                await Api.DecisionsWhenAsync(contact, 1);
                return call;
            case "the voicemail slot is empty":
                return call with { Trigger = "voicemail" };
            case "the business called the contact half an hour ago":
                await Bus.PublishAsync(new CallPlaced(TestData.EventId(), number, contact, now.AddMinutes(-30)));
                await rules.OutboundActivityRecordedAsync(number, contact);
                return call;
            case "the contact called ten times this minute":
                for (var i = 0; i < 10; i++)
                {
                    await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, now.AddSeconds(-10)));
                }
                await Api.DecisionsWhenAsync(contact, 10);
                return call;
            case "the contact got a reply a moment ago":
                await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, contact, now));
                await Api.DecisionsWhenAsync(contact, 1);
                return call;
            case "the number sent its text of the day":
                var other = TestData.PhoneNumber();
                await Bus.PublishAsync(new CallMissed(TestData.EventId(), number, other, now));
                await Api.DecisionsWhenAsync(other, 1);
                return call;
            default:
                return call;
        }
    }

    private async Task<Explanation> ExplainAsync(string number, Imagined imagined)
    {
        var response = await rules.Service.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/explain",
            new { trigger = imagined.Trigger, contact = imagined.Contact, at = imagined.At, body = imagined.Body }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Explanation>(TestContext.Current.CancellationToken))!;
    }

}
