using System.Net.Http.Json;
using AutoReply.RulesApi.AutoReplies;
using AutoReply.RulesApi.Decisions;
using AutoReply.RulesApi.Summary;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>The rules management API, as a test (or an operator with curl) uses it.</summary>
public sealed class RulesApiClient(HttpClient client)
{
    public async Task PutNumberAsync(string phoneNumber, object settings)
    {
        var response = await client.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}", settings, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<AutoReplyResponse> CreateAutoReplyAsync(string phoneNumber, string trigger, string schedule, string message, string? delay = null, List<TranslationRequest>? translations = null)
    {
        var response = await client.PostAsJsonAsync(
            $"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}/auto-replies", new { trigger, schedule, message, delay, translations }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AutoReplyResponse>(TestContext.Current.CancellationToken))!;
    }

    public async Task EditAutoReplyAsync(string phoneNumber, Guid id, string message, string? delay = null)
    {
        var response = await client.PutAsJsonAsync(
            $"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}/auto-replies/{id}", new { message, delay }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task DeleteAutoReplyAsync(string phoneNumber, Guid id)
    {
        var response = await client.DeleteAsync($"/v1/numbers/{Uri.EscapeDataString(phoneNumber)}/auto-replies/{id}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<DecisionResponse>> DecisionsAsync(string? contact = null, string? eventId = null)
    {
        var query = $"/v1/decisions?limit=500&contact={Uri.EscapeDataString(contact ?? "")}&eventId={Uri.EscapeDataString(eventId ?? "")}";
        return (await client.GetFromJsonAsync<List<DecisionResponse>>(query, TestContext.Current.CancellationToken))!;
    }

    /// <summary>The number's last <paramref name="days"/> days, or the whole workspace's without a number.</summary>
    public async Task<ActivitySummary> SummaryAsync(string? phoneNumber, int days = 14)
    {
        var query = $"/v1/summary?days={days}&phoneNumber={Uri.EscapeDataString(phoneNumber ?? "")}";
        return (await client.GetFromJsonAsync<ActivitySummary>(query, TestContext.Current.CancellationToken))!;
    }

    /// <summary>Waits until <paramref name="count"/> decisions exist for the contact.</summary>
    public Task<List<DecisionResponse>> DecisionsWhenAsync(string contact, int count) =>
        Eventually.ReadAsync(() => DecisionsAsync(contact), decisions => decisions.Count >= count);
}
