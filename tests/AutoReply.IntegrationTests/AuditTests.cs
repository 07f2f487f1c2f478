using System.Net;
using System.Net.Http.Json;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Security;
using AutoReply.Domain.Audit;
using AutoReply.RulesApi.Audit;

namespace AutoReply.IntegrationTests;

/// <summary>The audit log of configuration changes, through the rules API against the real servers.</summary>
public sealed class AuditTests(RealServers servers) : IAsyncDisposable
{
    private readonly ServiceFactory<RulesApi.Program> rules = new(servers);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task Every_configuration_change_is_recorded_with_its_key_the_thing_before_and_after_newest_first()
    {
        var workspaces = new WorkspacesApi(rules.CreateClient);
        var (workspaceId, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var client = workspaces.Client(key.Key);
        var api = new RulesApiClient(client);
        var number = TestData.PhoneNumber();

        await api.PutNumberAsync(number, TestData.NeverOpen("First Name"));
        await api.PutNumberAsync(number, TestData.NeverOpen("Second Name"));
        var refused = await client.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", new { name = "" }, Cancellation);
        var reply = await api.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Old text.");
        await api.EditAutoReplyAsync(number, reply.Id, "New text.");
        await api.DeleteAutoReplyAsync(number, reply.Id);
        var other = await workspaces.CreateKeyAsync(workspaceId, [ApiScopes.ConfigRead]);
        (await client.DeleteAsync($"/v1/workspaces/{workspaceId}/keys/{other.Id}", Cancellation)).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", Cancellation)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var log = (await client.GetFromJsonAsync<List<AuditEntryResponse>>("/v1/audit", Cancellation))!;
        Assert.Equal(
            [
                (AuditAction.NumberDeleted, key.Prefix, number),
                (AuditAction.KeyRevoked, key.Prefix, other.Prefix),
                (AuditAction.KeyCreated, ApiScopes.PlatformAdmin, other.Prefix),
                (AuditAction.AutoReplyDeleted, key.Prefix, reply.Id.ToString()),
                (AuditAction.AutoReplyUpdated, key.Prefix, reply.Id.ToString()),
                (AuditAction.AutoReplyCreated, key.Prefix, reply.Id.ToString()),
                (AuditAction.NumberUpdated, key.Prefix, number),
                (AuditAction.NumberCreated, key.Prefix, number),
                (AuditAction.KeyCreated, ApiScopes.PlatformAdmin, key.Prefix),
                (AuditAction.WorkspaceCreated, ApiScopes.PlatformAdmin, workspaceId.ToString()),
            ],
            log.Select(e => (e.Action, e.Actor, e.Target)));
        var renamed = log.Single(e => e.Action == AuditAction.NumberUpdated);
        Assert.Equal(("First Name", "Second Name"), (renamed.Before!.Value.GetProperty("name").GetString(), renamed.After!.Value.GetProperty("name").GetString()));
        var edited = log.Single(e => e.Action == AuditAction.AutoReplyUpdated);
        Assert.Equal(("Old text.", "New text."), (edited.Before!.Value.GetProperty("message").GetString(), edited.After!.Value.GetProperty("message").GetString()));
        Assert.Null(log.Single(e => e.Action == AuditAction.NumberDeleted).After);
        Assert.Null(log.Single(e => e.Action == AuditAction.NumberCreated).Before);
    }

    [Fact]
    public async Task The_audit_log_is_paged_and_shows_only_the_workspace_s_own_changes()
    {
        var workspaces = new WorkspacesApi(rules.CreateClient);
        var (_, mine) = await workspaces.CreateWorkspaceWithKeyAsync();
        var (_, theirs) = await workspaces.CreateWorkspaceWithKeyAsync();
        using var client = workspaces.Client(mine.Key);
        using var otherClient = workspaces.Client(theirs.Key);
        var number = TestData.PhoneNumber();
        await new RulesApiClient(otherClient).PutNumberAsync(number, TestData.NeverOpen("Theirs"));

        var page = (await client.GetFromJsonAsync<List<AuditEntryResponse>>("/v1/audit?limit=1&offset=1", Cancellation))!;

        Assert.Equal([AuditAction.WorkspaceCreated], page.Select(e => e.Action));
        var all = (await client.GetFromJsonAsync<List<AuditEntryResponse>>("/v1/audit", Cancellation))!;
        Assert.DoesNotContain(all, e => e.Target == number);
    }
}
