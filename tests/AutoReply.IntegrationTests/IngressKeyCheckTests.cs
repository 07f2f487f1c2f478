using System.Net;
using System.Net.Http.Json;
using AutoReply.Ingress.Access;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.IntegrationTests;

/// <summary>
/// Ingress checking workspaces' keys with the rules service, both in this process against the real
/// servers; ingress re-checks a key on every request here (<c>KeyCheck:FreshFor</c> zero).
/// </summary>
public sealed class IngressKeyCheckTests(RealServers servers) : IAsyncLifetime
{
    private readonly RulesConnection connection = new();
    private ServiceFactory<RulesApi.Program> rules = null!;
    private WebApplicationFactory<Ingress.Program> ingress = null!;
    private WorkspacesApi workspaces = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        rules = new ServiceFactory<RulesApi.Program>(servers);
        workspaces = new WorkspacesApi(rules.CreateClient);
        ingress = new ServiceFactory<Ingress.Program>(servers, new Dictionary<string, string?> { ["KeyCheck:FreshFor"] = "00:00:00" })
            .WithWebHostBuilder(host => host.ConfigureTestServices(services => services
                .AddHttpClient(RulesAsker.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => connection.To(rules.Server.CreateHandler()))));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await ingress.DisposeAsync();
        await rules.DisposeAsync();
    }

    [Fact]
    public async Task A_key_revoked_in_rules_is_refused_by_the_first_request_after_ingress_s_answer_stopped_being_fresh()
    {
        var (workspaceId, key) = await workspaces.CreateWorkspaceWithKeyAsync();
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(key.Key));

        using var admin = workspaces.Client(ApiKeyAuthentication.DevelopmentAdminKey);
        (await admin.DeleteAsync($"/v1/workspaces/{workspaceId}/keys/{key.Id}", Cancellation)).EnsureSuccessStatusCode();

        // The key was idle since; its answer here is no longer fresh, so ingress waits for rules' new one.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostEmptyEventAsync(key.Key));
    }

    [Fact]
    public async Task A_known_key_keeps_working_while_rules_answers_too_slowly()
    {
        var (_, known) = await workspaces.CreateWorkspaceWithKeyAsync();
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(known.Key));

        connection.Slow = true;

        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(known.Key));
    }

    [Fact]
    public async Task A_known_key_keeps_working_while_rules_does_not_answer_and_an_unknown_one_gets_503()
    {
        var (_, known) = await workspaces.CreateWorkspaceWithKeyAsync();
        var (_, unseen) = await workspaces.CreateWorkspaceWithKeyAsync();
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(known.Key));

        connection.Down = true;

        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(known.Key));
        Assert.Equal(HttpStatusCode.BadRequest, await PostEmptyEventAsync(known.Key));
        using var client = ingress.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", unseen.Key);
        var refused = await client.PostAsJsonAsync("/v1/events", new { }, Cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An event with no fields: 400 once the key is accepted, so nothing is ever published.</summary>
    private async Task<HttpStatusCode> PostEmptyEventAsync(string key)
    {
        using var client = ingress.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return (await client.PostAsJsonAsync("/v1/events", new { }, Cancellation)).StatusCode;
    }

    /// <summary>Ingress's connection to rules, which the test can cut.</summary>
    private sealed class RulesConnection
    {
        public bool Down { get; set; }

        /// <summary>Rules answers, but only after ingress's request has timed out.</summary>
        public bool Slow { get; set; }

        public HttpMessageHandler To(HttpMessageHandler rulesServer) => new Cuttable(this) { InnerHandler = rulesServer };

        private sealed class Cuttable(RulesConnection connection) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (connection.Down)
                {
                    throw new HttpRequestException("Connection refused (test: rules is down).");
                }
                if (connection.Slow)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
