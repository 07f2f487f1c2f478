using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary><c>GET /v1/choices</c>: what forms offer is exactly what the API accepts, from the API itself.</summary>
public sealed class ChoiceTests(RealServers servers) : IAsyncDisposable
{
    private readonly ServiceFactory<RulesApi.Program> rules = new(servers);

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    private static Task<JsonElement> ChoicesAsync(HttpClient client) =>
        client.GetFromJsonAsync<JsonElement>("/v1/choices", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_delay_and_window_the_choices_offer_is_accepted_and_a_new_number_gets_the_default_windows()
    {
        var client = rules.CreateAuthorizedClient();
        var api = new RulesApiClient(client);
        var choices = await ChoicesAsync(client);
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, new { name = "Chosen Dental", timeZone = "Europe/Paris" });

        var saved = await client.GetFromJsonAsync<JsonElement>($"/v1/numbers/{Uri.EscapeDataString(number)}", TestContext.Current.CancellationToken);
        var windows = choices.GetProperty("windows");
        Assert.Equal(
            (windows.GetProperty("cooldown").GetString(), windows.GetProperty("recentActivityWindow").GetString(), windows.GetProperty("maxEventAge").GetString()),
            (saved.GetProperty("cooldown").GetString(), saved.GetProperty("recentActivityWindow").GetString(), saved.GetProperty("maxEventAge").GetString()));
        foreach (var window in windows.GetProperty("offered").EnumerateArray().Select(offered => offered.GetString()))
        {
            await api.PutNumberAsync(number, new { name = "Chosen Dental", timeZone = "Europe/Paris", cooldown = window, recentActivityWindow = window, maxEventAge = window });
        }
        var reply = await api.CreateAutoReplyAsync(number, "missed_call", "business_hours", "Back soon.");
        foreach (var delay in choices.GetProperty("delays").GetProperty("offered").EnumerateArray().Select(offered => offered.GetString()))
        {
            await api.EditAutoReplyAsync(number, reply.Id, "Back soon.", delay);
        }
    }

    [Fact]
    public async Task Past_the_longest_delay_the_choices_give_an_auto_reply_is_refused()
    {
        var client = rules.CreateAuthorizedClient();
        var api = new RulesApiClient(client);
        var choices = await ChoicesAsync(client);
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Patient Plumbing"));
        var longest = System.Xml.XmlConvert.ToTimeSpan(choices.GetProperty("delays").GetProperty("max").GetString()!);

        var response = await client.PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies",
            new { trigger = "voicemail", schedule = "business_hours", message = "Later.", delay = System.Xml.XmlConvert.ToString(longest.Add(TimeSpan.FromSeconds(1))) },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Every_slot_and_every_reason_a_decision_can_give_has_its_words()
    {
        var choices = await ChoicesAsync(rules.CreateAuthorizedClient());

        var slots = choices.GetProperty("slots").EnumerateArray().Select(slot => slot.GetProperty("conditions").GetString()).ToList();
        Assert.Contains("Missed calls outside business hours", slots);
        Assert.Equal(6, slots.Distinct().Count());
        var reasons = choices.GetProperty("reasons").EnumerateArray().ToDictionary(reason => reason.GetProperty("reason").GetString()!, reason => reason.GetProperty("words").GetString());
        Assert.Equal(
            ["budget", "cooldown", "keyword", "loop_guard", "no_auto_reply", "opted_out", "recent_activity", "stale", "unknown_number"],
            reasons.Keys.Order(StringComparer.Ordinal));
        Assert.All(reasons.Values, words => Assert.False(string.IsNullOrWhiteSpace(words)));
    }
}
