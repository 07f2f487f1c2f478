using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using AutoReply.Contracts;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>Two workspaces on the system the AppHost starts, each with its own key, driven through ingress and rules.</summary>
[Collection(nameof(WholeSystem))]
public sealed class WorkspaceIsolationTests(AppHostFixture system)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_a_workspace_posts_for_another_workspace_s_number_is_an_unknown_number_and_texts_nobody()
    {
        var workspaces = new WorkspacesApi(() => system.App.CreateHttpClient("rules-api", "http"));
        var (_, keyA) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace A");
        var (_, keyB) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace B");
        using var rulesA = workspaces.Client(keyA.Key);
        using var rulesB = workspaces.Client(keyB.Key);
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await new RulesApiClient(rulesB).PutNumberAsync(number, TestData.NeverOpen("B's Bakery"));
        await new RulesApiClient(rulesB).CreateAutoReplyAsync(number, "missed_call", "after_hours", "B's Bakery will call you back.");
        var eventId = TestData.EventId();

        Assert.False(await PostMissedCallAsync(keyA.Key, eventId, number, contact));
        var decidedForA = await Eventually.ReadAsync(() => new RulesApiClient(rulesA).DecisionsAsync(eventId: eventId), d => d.Count > 0);
        Assert.Equal((Outcome.Suppressed, SuppressionReason.UnknownNumber), (decidedForA.Single().Outcome, decidedForA.Single().Reason));

        // The same id from the number's own workspace is a different event: neither a duplicate nor held back by A's.
        Assert.False(await PostMissedCallAsync(keyB.Key, eventId, number, contact));
        var decidedForB = await Eventually.ReadAsync(() => new RulesApiClient(rulesB).DecisionsAsync(contact), d => d.Count > 0);
        Assert.Equal((Outcome.Sent, eventId), (decidedForB.Single().Outcome, decidedForB.Single().EventId));
        var texts = await Eventually.ReadAsync(() => new SandboxApi(system.Url("smssandbox")).TextsToAsync(contact), t => t.Count > 0);
        Assert.Equal("B's Bakery will call you back.", Assert.Single(texts).GetProperty("body").GetString());
        Assert.Single(await new RulesApiClient(rulesA).DecisionsAsync(contact));
    }

    [Fact]
    public async Task Ingress_refuses_events_for_another_workspace_s_number_with_404_once_rules_has_told_it_whose_it_is()
    {
        var workspaces = new WorkspacesApi(() => system.App.CreateHttpClient("rules-api", "http"));
        var (_, keyA) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace A");
        var (_, keyB) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace B");
        using var rulesB = workspaces.Client(keyB.Key);
        var number = TestData.PhoneNumber();
        await new RulesApiClient(rulesB).PutNumberAsync(number, TestData.NeverOpen("B's Barber"));
        using var ingressA = Ingress(keyA.Key);

        // The first events are taken (and decided unknown_number in A) while ingress asks rules in the background.
        var refused = await Eventually.ReadAsync(
            () => ingressA.PostAsJsonAsync("/v1/events",
                new { id = TestData.EventId(), type = "call.missed", phoneNumber = number, contact = TestData.PhoneNumber(), occurredAt = DateTimeOffset.UtcNow }, Cancellation),
            response => response.StatusCode != HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(await PostMissedCallAsync(keyB.Key, TestData.EventId(), number, TestData.PhoneNumber()));
    }

    [Fact]
    public async Task Ingress_refuses_a_key_without_events_write_with_403_and_an_unknown_key_with_401()
    {
        var workspaces = new WorkspacesApi(() => system.App.CreateHttpClient("rules-api", "http"));
        var workspaceId = await workspaces.CreateWorkspaceAsync();
        var readOnly = await workspaces.CreateKeyAsync(workspaceId, ["config:read"]);

        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(readOnly.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostStatusAsync(readOnly.Key + "x"));
    }

    /// <summary>Posts a missed call with the key; answers whether ingress called it a duplicate.</summary>
    private async Task<bool> PostMissedCallAsync(string key, string id, string number, string contact)
    {
        using var ingress = Ingress(key);
        var response = await ingress.PostAsJsonAsync("/v1/events",
            new { id, type = "call.missed", phoneNumber = number, contact, occurredAt = DateTimeOffset.UtcNow }, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("duplicate").GetBoolean();
    }

    private async Task<HttpStatusCode> PostStatusAsync(string key)
    {
        using var ingress = Ingress(key);
        var response = await ingress.PostAsJsonAsync("/v1/events",
            new { id = TestData.EventId(), type = "call.missed", phoneNumber = TestData.PhoneNumber(), contact = TestData.PhoneNumber(), occurredAt = DateTimeOffset.UtcNow }, Cancellation);
        return response.StatusCode;
    }

    private HttpClient Ingress(string key)
    {
        var client = system.App.CreateHttpClient("ingress", "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
