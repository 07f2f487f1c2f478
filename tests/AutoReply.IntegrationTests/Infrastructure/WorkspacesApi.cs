using System.Net.Http.Headers;
using System.Net.Http.Json;
using AutoReply.Security;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>Workspaces and their keys, made through the rules API as the platform administrator.</summary>
public sealed class WorkspacesApi(Func<HttpClient> rules)
{
    public async Task<Guid> CreateWorkspaceAsync(string name = "Test workspace")
    {
        using var admin = Client(ApiKeyAuthentication.DevelopmentAdminKey);
        var response = await admin.PostAsJsonAsync("/v1/workspaces", new { name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WorkspaceResponse>(TestContext.Current.CancellationToken))!.Id;
    }

    public async Task<CreatedApiKeyResponse> CreateKeyAsync(Guid workspaceId, IEnumerable<string>? scopes = null, DateTimeOffset? expiresAt = null)
    {
        using var admin = Client(ApiKeyAuthentication.DevelopmentAdminKey);
        var response = await admin.PostAsJsonAsync(
            $"/v1/workspaces/{workspaceId}/keys", new { name = "test key", scopes = scopes ?? ApiScopes.All, expiresAt }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedApiKeyResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A new workspace and a client of the rules API with a key of it holding every scope.</summary>
    public async Task<(Guid WorkspaceId, CreatedApiKeyResponse Key)> CreateWorkspaceWithKeyAsync(string name = "Test workspace")
    {
        var workspaceId = await CreateWorkspaceAsync(name);
        return (workspaceId, await CreateKeyAsync(workspaceId));
    }

    public HttpClient Client(string key)
    {
        var client = rules();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
