using System.Net;
using System.Net.Http.Json;
using AutoReply.Contracts.Events;
using AutoReply.Ingress.Deduplication;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.IntegrationTests;

/// <summary>Each service with a limit of one or two requests a second per key, against the real servers.</summary>
public sealed class RateLimitTests(RealServers servers) : IAsyncLifetime
{
    /// <summary>A queue bound for missed calls, so that ingress can accept them.</summary>
    private TestBus<CallMissed> bus = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);

    public ValueTask DisposeAsync() => bus.DisposeAsync();

    [Fact]
    public async Task An_event_over_the_key_s_limit_is_refused_with_429_and_retry_after_and_is_not_accepted()
    {
        await using var ingress = new ServiceFactory<Ingress.Program>(servers, Limit("Events", perSecond: 1, burst: 2));
        using var client = ingress.CreateAuthorizedClient();

        Assert.Equal(HttpStatusCode.Accepted, (await PostEventAsync(client, TestData.EventId())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostEventAsync(client, TestData.EventId())).StatusCode);
        var refusedId = TestData.EventId();
        var refused = await PostEventAsync(client, refusedId);

        await AssertTooManyRequestsAsync(refused);
        var registry = ingress.Services.GetRequiredService<EventIdRegistry>();
        Assert.Equal(ClaimOutcome.Claimed, (await registry.ClaimAsync(refusedId)).Outcome);
    }

    [Fact]
    public async Task A_settings_change_over_the_key_s_limit_is_refused_with_429_and_changes_nothing()
    {
        await using var limited = new ServiceFactory<RulesApi.Program>(servers, Limit("Management", perSecond: 1, burst: 1));
        using var client = limited.CreateAuthorizedClient();
        var (first, second) = (TestData.PhoneNumber(), TestData.PhoneNumber());

        Assert.Equal(HttpStatusCode.Created, (await PutNumberAsync(client, first)).StatusCode);
        var refused = await PutNumberAsync(client, second);

        await AssertTooManyRequestsAsync(refused);
        await using var unlimited = new ServiceFactory<RulesApi.Program>(servers);
        using var reader = unlimited.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/v1/numbers/{Uri.EscapeDataString(second)}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task The_provider_s_webhooks_are_not_counted_against_any_key()
    {
        await using var ingress = new ServiceFactory<Ingress.Program>(servers, Limit("Events", perSecond: 1, burst: 1));
        using var client = ingress.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var unsigned = await client.PostAsync("/webhooks/provider/status", new FormUrlEncodedContent([new("MessageSid", "SM1"), new("MessageStatus", "delivered")]), Cancellation);
            Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        }
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<string, string?> Limit(string kind, int perSecond, int burst) => new()
    {
        [$"RateLimits:{kind}:RequestsPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{kind}:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client, string id) =>
        client.PostAsJsonAsync("/v1/events", new
        {
            id,
            type = "call.missed",
            phoneNumber = TestData.PhoneNumber(),
            contact = TestData.PhoneNumber(),
            occurredAt = DateTimeOffset.UtcNow,
        }, Cancellation);

    private static Task<HttpResponseMessage> PutNumberAsync(HttpClient client, string number) =>
        client.PutAsJsonAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", TestData.NeverOpen("Acme Dental"), Cancellation);
}
