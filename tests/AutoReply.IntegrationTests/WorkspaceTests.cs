using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using AutoReply.RulesApi.AutoReplies;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.IntegrationTests;

/// <summary>Workspaces, their keys and their scopes, through the rules API against the real servers.</summary>
public sealed class WorkspaceTests(RealServers servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<RulesApi.Program> rules = null!;
    private WorkspacesApi workspaces = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        rules = new ServiceFactory<RulesApi.Program>(servers)
            .WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        workspaces = new WorkspacesApi(rules.CreateClient);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task The_administrator_creates_a_workspace_and_a_key_that_is_shown_once_and_then_works()
    {
        var workspaceId = await workspaces.CreateWorkspaceAsync("Acme Dental");
        var created = await workspaces.CreateKeyAsync(workspaceId, [ApiScopes.EventsWrite, ApiScopes.ConfigRead]);

        Assert.StartsWith(created.Prefix + "_", created.Key, StringComparison.Ordinal);
        using var client = workspaces.Client(created.Key);
        var current = await client.GetFromJsonAsync<ApiKeyIdentity>("/v1/keys/current", Cancellation);
        Assert.Equal((created.Id, workspaceId), (current!.KeyId, current.WorkspaceId));
        Assert.Equal([ApiScopes.EventsWrite, ApiScopes.ConfigRead], current.Scopes);

        using var admin = workspaces.Client(ApiKeyAuthentication.DevelopmentAdminKey);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/v1/workspaces/{workspaceId}/keys", Cancellation);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal(created.Prefix, only.GetProperty("prefix").GetString());
        Assert.False(only.TryGetProperty("key", out _));
        Assert.DoesNotContain(created.Key[(created.Prefix.Length + 1)..], listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_key_cannot_create_workspaces_and_lists_only_its_own()
    {
        var (workspaceId, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        await workspaces.CreateWorkspaceAsync("Someone else");
        using var client = workspaces.Client(key.Key);

        var refused = await client.PostAsJsonAsync("/v1/workspaces", new { name = "Mine now" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var listed = await client.GetFromJsonAsync<List<WorkspaceResponse>>("/v1/workspaces", Cancellation);
        Assert.Equal([workspaceId], listed!.Select(w => w.Id));
    }

    /// <summary>Every endpoint that names something of workspace B, called with workspace A's key holding every scope.</summary>
    public static TheoryData<string, string> OtherWorkspaceEndpoints => new()
    {
        { "GET", "/v1/numbers/{number}" },
        { "PUT", "/v1/numbers/{number}" },
        { "DELETE", "/v1/numbers/{number}" },
        { "GET", "/v1/numbers/{number}/auto-replies" },
        { "POST", "/v1/numbers/{number}/auto-replies" },
        { "PUT", "/v1/numbers/{number}/auto-replies/{reply}" },
        { "DELETE", "/v1/numbers/{number}/auto-replies/{reply}" },
        { "GET", "/v1/summary?phoneNumber={number}" },
        { "GET", "/v1/workspaces/{workspace}" },
        { "GET", "/v1/workspaces/{workspace}/keys" },
        { "POST", "/v1/workspaces/{workspace}/keys" },
        { "POST", "/v1/workspaces/{workspace}/keys/{key}/rotate" },
        { "DELETE", "/v1/workspaces/{workspace}/keys/{key}" },
    };

    [Theory]
    [MemberData(nameof(OtherWorkspaceEndpoints))]
    public async Task A_key_of_another_workspace_gets_404_and_changes_nothing(string method, string path)
    {
        var (otherId, otherKey) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace B");
        var (_, ownKey) = await workspaces.CreateWorkspaceWithKeyAsync("Workspace A");
        using var owner = workspaces.Client(otherKey.Key);
        var owners = new RulesApiClient(owner);
        var number = TestData.PhoneNumber();
        await owners.PutNumberAsync(number, TestData.NeverOpen("B's Bakery"));
        var reply = await owners.CreateAutoReplyAsync(number, "missed_call", "after_hours", "B's message.");
        using var intruder = workspaces.Client(ownKey.Key);

        var answer = await intruder.SendAsync(Request(method, Fill(path, number, reply.Id, otherId, otherKey.Id)), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("B's Bakery", (await owner.GetFromJsonAsync<JsonElement>($"/v1/numbers/{Uri.EscapeDataString(number)}", Cancellation)).GetProperty("name").GetString());
        var replies = await owner.GetFromJsonAsync<List<AutoReplyResponse>>($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies", Cancellation);
        Assert.Equal(["B's message."], replies!.Select(r => r.Message));
        var keys = await owner.GetFromJsonAsync<List<ApiKeyResponse>>($"/v1/workspaces/{otherId}/keys", Cancellation);
        Assert.Equal([(otherKey.Id, (DateTimeOffset?)null)], keys!.Select(k => (k.Id, k.RevokedAt)));
    }

    /// <summary>Each workspace endpoint and the scope it needs.</summary>
    public static TheoryData<string, string, string> ScopedEndpoints => new()
    {
        { ApiScopes.ConfigRead, "GET", "/v1/numbers" },
        { ApiScopes.ConfigRead, "GET", "/v1/budgets/today" },
        { ApiScopes.ConfigRead, "GET", "/v1/summary?phoneNumber={number}" },
        { ApiScopes.ConfigRead, "GET", "/v1/numbers/{number}" },
        { ApiScopes.ConfigWrite, "PUT", "/v1/numbers/{number}" },
        { ApiScopes.ConfigWrite, "DELETE", "/v1/numbers/{number}" },
        { ApiScopes.ConfigRead, "GET", "/v1/numbers/{number}/auto-replies" },
        { ApiScopes.ConfigWrite, "POST", "/v1/numbers/{number}/auto-replies" },
        { ApiScopes.ConfigWrite, "PUT", "/v1/numbers/{number}/auto-replies/{reply}" },
        { ApiScopes.ConfigWrite, "DELETE", "/v1/numbers/{number}/auto-replies/{reply}" },
        { ApiScopes.DecisionsRead, "GET", "/v1/decisions" },
        { ApiScopes.ConfigRead, "GET", "/v1/workspaces/{workspace}/keys" },
        { ApiScopes.ConfigWrite, "POST", "/v1/workspaces/{workspace}/keys" },
        { ApiScopes.ConfigWrite, "POST", "/v1/workspaces/{workspace}/keys/{key}/rotate" },
        { ApiScopes.ConfigWrite, "DELETE", "/v1/workspaces/{workspace}/keys/{key}" },
    };

    [Theory]
    [MemberData(nameof(ScopedEndpoints))]
    public async Task A_key_with_every_scope_but_the_one_an_endpoint_needs_gets_403_and_changes_nothing(string scope, string method, string path)
    {
        var (workspaceId, fullKey) = await workspaces.CreateWorkspaceWithKeyAsync();
        var lacking = await workspaces.CreateKeyAsync(workspaceId, ApiScopes.All.Where(s => s != scope));
        using var owner = workspaces.Client(fullKey.Key);
        var owners = new RulesApiClient(owner);
        var number = TestData.PhoneNumber();
        await owners.PutNumberAsync(number, TestData.NeverOpen("Scoped Salon"));
        var reply = await owners.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Scoped message.");
        using var client = workspaces.Client(lacking.Key);

        var answer = await client.SendAsync(Request(method, Fill(path, number, reply.Id, workspaceId, fullKey.Id)), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var replies = await owner.GetFromJsonAsync<List<AutoReplyResponse>>($"/v1/numbers/{Uri.EscapeDataString(number)}/auto-replies", Cancellation);
        Assert.Equal(["Scoped message."], replies!.Select(r => r.Message));
        var keys = await owner.GetFromJsonAsync<List<ApiKeyResponse>>($"/v1/workspaces/{workspaceId}/keys", Cancellation);
        Assert.Equal(2, keys!.Count(k => k.RevokedAt is null));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401()
    {
        var (workspaceId, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var client = workspaces.Client(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/keys/current", Cancellation)).StatusCode);

        using var admin = workspaces.Client(ApiKeyAuthentication.DevelopmentAdminKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/workspaces/{workspaceId}/keys/{key.Id}", Cancellation)).StatusCode);

        var refused = await client.GetAsync("/v1/keys/current", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_expired_key_is_refused_with_401()
    {
        var workspaceId = await workspaces.CreateWorkspaceAsync();
        var key = await workspaces.CreateKeyAsync(workspaceId, expiresAt: clock.GetUtcNow().AddHours(1));
        using var client = workspaces.Client(key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/keys/current", Cancellation)).StatusCode);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/keys/current", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_keeps_working_for_its_overlap_then_only_its_replacement_does()
    {
        var (workspaceId, old) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var admin = workspaces.Client(ApiKeyAuthentication.DevelopmentAdminKey);

        var rotated = await admin.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/keys/{old.Id}/rotate", new { overlap = "PT1H" }, Cancellation);
        var replacement = (await rotated.Content.ReadFromJsonAsync<CreatedApiKeyResponse>(Cancellation))!;

        Assert.Equal((HttpStatusCode.Created, old.Name), (rotated.StatusCode, replacement.Name));
        Assert.Equal(old.Scopes, replacement.Scopes);
        using var oldClient = workspaces.Client(old.Key);
        using var newClient = workspaces.Client(replacement.Key);
        Assert.Equal(HttpStatusCode.OK, (await oldClient.GetAsync("/v1/keys/current", Cancellation)).StatusCode);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("/v1/keys/current", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newClient.GetAsync("/v1/keys/current", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_give_another_key_a_scope_it_does_not_have()
    {
        var workspaceId = await workspaces.CreateWorkspaceAsync();
        var manager = await workspaces.CreateKeyAsync(workspaceId, [ApiScopes.ConfigRead, ApiScopes.ConfigWrite]);
        using var client = workspaces.Client(manager.Key);

        var refused = await client.PostAsJsonAsync($"/v1/workspaces/{workspaceId}/keys", new { name = "wider", scopes = new[] { ApiScopes.DecisionsRead } }, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Contains(ApiScopes.DecisionsRead, problem.GetProperty("errors").GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
        var keys = await client.GetFromJsonAsync<List<ApiKeyResponse>>($"/v1/workspaces/{workspaceId}/keys", Cancellation);
        Assert.Equal([manager.Id], keys!.Select(k => k.Id));
    }

    [Fact]
    public async Task A_number_belongs_to_the_workspace_that_added_it_and_the_configured_key_s_numbers_to_the_default_workspace()
    {
        var (workspaceId, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var configured = new ServiceFactory<RulesApi.Program>(servers);
        using var defaultClient = configured.CreateAuthorizedClient();
        var number = TestData.PhoneNumber();
        await new RulesApiClient(defaultClient).PutNumberAsync(number, TestData.NeverOpen("Default Diner"));

        using var client = workspaces.Client(key.Key);
        var taken = await client.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", TestData.NeverOpen("Mine"), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await defaultClient.GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", Cancellation)).StatusCode);
        var current = await defaultClient.GetFromJsonAsync<ApiKeyIdentity>("/v1/keys/current", Cancellation);
        Assert.Equal(DefaultWorkspace.Id, current!.WorkspaceId);
        Assert.NotEqual(DefaultWorkspace.Id, workspaceId);
    }

    [Fact]
    public async Task The_number_list_shows_only_the_workspace_s_numbers_by_name_with_how_many_auto_replies_are_on()
    {
        var (_, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        var (_, otherKey) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var client = workspaces.Client(key.Key);
        var api = new RulesApiClient(client);
        var (bakery, cafe) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await api.PutNumberAsync(cafe, TestData.NeverOpen("Cafe"));
        await api.PutNumberAsync(bakery, TestData.NeverOpen("Bakery"));
        await api.CreateAutoReplyAsync(bakery, "missed_call", "after_hours", "Back soon.");
        using var other = workspaces.Client(otherKey.Key);
        await new RulesApiClient(other).PutNumberAsync(TestData.PhoneNumber(), TestData.NeverOpen("Another's"));

        var numbers = await client.GetFromJsonAsync<List<JsonElement>>("/v1/numbers", Cancellation);

        Assert.Equal(
            [("Bakery", bakery, 1), ("Cafe", cafe, 0)],
            numbers!.Select(n => (n.GetProperty("name").GetString(), n.GetProperty("phoneNumber").GetString(), n.GetProperty("activeAutoReplies").GetInt32())));
    }

    private static string Fill(string path, string number, Guid reply, Guid workspace, Guid key) => path
        .Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal)
        .Replace("{reply}", reply.ToString(), StringComparison.Ordinal)
        .Replace("{workspace}", workspace.ToString(), StringComparison.Ordinal)
        .Replace("{key}", key.ToString(), StringComparison.Ordinal);

    /// <summary>A valid body for whatever the endpoint takes, so that only the key can be why it is refused.</summary>
    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "PUT" or "POST"
            ? JsonContent.Create<object>(path switch
            {
                _ when path.EndsWith("/auto-replies", StringComparison.Ordinal) => new { trigger = "voicemail", schedule = "after_hours", message = "Intruder." },
                _ when path.Contains("/auto-replies/", StringComparison.Ordinal) => new { message = "Intruder." },
                _ when path.EndsWith("/keys", StringComparison.Ordinal) => new { name = "intruder", scopes = new[] { ApiScopes.ConfigRead } },
                _ when path.EndsWith("/rotate", StringComparison.Ordinal) => new { },
                _ => TestData.NeverOpen("Intruder"),
            })
            : null,
    };
}
