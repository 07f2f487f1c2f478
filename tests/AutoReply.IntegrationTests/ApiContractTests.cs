using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.RulesApi.AutoReplies;

namespace AutoReply.IntegrationTests;

/// <summary>The management API's answers to bad input: clear problem details, and nothing changed.</summary>
public sealed class ApiContractTests(RealServers servers) : IAsyncDisposable
{
    private readonly ServiceFactory<RulesApi.Program> rules = new(servers);

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task Invalid_number_settings_get_field_errors_and_create_nothing()
    {
        var client = rules.CreateAuthorizedClient();
        var number = TestData.PhoneNumber();

        var response = await client.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", new
        {
            name = "Overlap Dental",
            timeZone = "Mars/Olympus_Mons",
            businessHours = new { monday = new[] { new { open = "09:00", close = "12:00" }, new { open = "11:00", close = "13:00" } } },
            cooldown = "3 hours",
        }, TestContext.Current.CancellationToken);

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["businessHours.monday[1]", "cooldown", "timeZone"], errors.OrderBy(key => key, StringComparer.Ordinal));
        var lookup = await client.GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Second_auto_reply_in_a_filled_slot_is_a_conflict()
    {
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Slot Pharmacy"));
        await api.CreateAutoReplyAsync(number, "message", "business_hours", "First.");

        var second = await rules.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies",
            new { trigger = "message", schedule = "business_hours", message = "Second." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Message_with_an_unknown_variable_is_refused_when_saved()
    {
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Variable Vets"));

        var response = await rules.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies",
            new { trigger = "voicemail", schedule = "after_hours", message = "Hi {customer_name}!" }, TestContext.Current.CancellationToken);

        Assert.Equal(["message"], await ProblemErrorsAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Message_preview_renders_the_variables_and_counts_segments_like_a_save_and_stores_nothing()
    {
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.NeverOpen("Preview Bakery"));

        var preview = await rules.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies/preview",
            new { message = "Thanks for calling {business_name} ✓" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await preview.Content.ReadFromJsonAsync<AutoReplyPreview>(TestContext.Current.CancellationToken);
        Assert.Equal(("Thanks for calling Preview Bakery ✓", "UCS-2", 1), (body!.Preview, body.Encoding, body.Segments));
        Assert.Contains("next_open", body.Variables);
        Assert.Empty(await rules.CreateAuthorizedClient().GetFromJsonAsync<List<AutoReplyResponse>>(
            $"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies", TestContext.Current.CancellationToken) ?? []);
    }

    [Fact]
    public async Task Message_preview_of_an_unknown_variable_is_the_field_error_a_save_would_give()
    {
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.NeverOpen("Preview Florist"));

        var response = await rules.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies/preview",
            new { message = "Hi {customer_name}!" }, TestContext.Current.CancellationToken);

        Assert.Equal(["message"], await ProblemErrorsAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Auto_reply_delay_over_ten_minutes_is_a_field_error_and_fills_no_slot()
    {
        var api = new RulesApiClient(rules.CreateAuthorizedClient());
        var number = TestData.PhoneNumber();
        await api.PutNumberAsync(number, TestData.AlwaysOpen("Delay Diner"));

        var response = await rules.CreateAuthorizedClient().PostAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies",
            new { trigger = "missed_call", schedule = "business_hours", message = "Back soon.", delay = "PT11M" }, TestContext.Current.CancellationToken);

        Assert.Equal(["delay"], await ProblemErrorsAsync(response, HttpStatusCode.BadRequest));
        Assert.Empty(await rules.CreateAuthorizedClient().GetFromJsonAsync<List<AutoReplyResponse>>(
            $"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies", TestContext.Current.CancellationToken) ?? []);
    }

    [Fact]
    public async Task Decision_filter_with_an_unencoded_plus_is_a_field_error_not_an_empty_list()
    {
        var response = await rules.CreateAuthorizedClient().GetAsync("/v1/decisions?contact=+14155550199", TestContext.Current.CancellationToken);

        Assert.Equal(["contact"], await ProblemErrorsAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Management_request_without_the_api_key_is_unauthorized()
    {
        var response = await rules.CreateClient().GetAsync("/v1/templates", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<string>> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(error => error.Name)];
    }
}
