using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.Contracts.Events;
using AutoReply.Ingress.Events;
using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.ServiceDefaults.Http;
using Microsoft.Extensions.Hosting;

namespace AutoReply.IntegrationTests;

/// <summary>
/// What Kubernetes' probes see while a dependency is away, against the real servers: the pod stays
/// ready (it can still do its own work), events are refused with 503 and Retry-After at once, and the
/// detailed report says which dependency is missing.
/// </summary>
public sealed class ReadinessTests(RealServers servers) : IAsyncLifetime
{
    private const string BusCheck = BrokerCircuit.HealthCheckName;
    private const string RedisCheck = "StackExchange.Redis";

    private TestBus<CallMissed> bus = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A queue bound to missed calls, as the rules engine's is: ingress publishes with the mandatory flag.</summary>
    public async ValueTask InitializeAsync() => bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);

    public async ValueTask DisposeAsync() => await bus.DisposeAsync();

    [Fact]
    public async Task While_rabbitmq_is_away_ingress_stays_ready_and_refuses_events_at_once_with_503_and_retry_after()
    {
        var (link, rabbitMq) = ServerLink.ToRabbitMq(servers.RabbitMq);
        await using var _ = link;
        await using var ingress = new ServiceFactory<Ingress.Program>(servers, new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = rabbitMq });
        var client = ingress.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.Accepted, (await PostEventAsync(client)).StatusCode);

        link.Cut();
        // The publishes under way when the broker went: they wait out the publish timeout at most, and open the circuit.
        var failing = await Task.WhenAll(PostEventAsync(client), PostEventAsync(client));
        Assert.All(failing, response => Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode));
        Assert.Equal("Unhealthy", await CheckStatusAsync(client, BusCheck));

        await AssertRefusedAtOnceAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ServiceDefaultsExtensions.HealthPath, Cancellation)).StatusCode);

        link.Restore();
        await Eventually.ReadAsync(async () => (await PostEventAsync(client)).StatusCode, status => status == HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task While_redis_is_away_ingress_stays_ready_and_refuses_events_at_once_with_503_and_retry_after()
    {
        var (link, redis) = ServerLink.ToRedis(servers.Redis);
        await using var _ = link;
        await using var ingress = new ServiceFactory<Ingress.Program>(servers, new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis });
        var client = ingress.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.Accepted, (await PostEventAsync(client)).StatusCode);

        link.Cut();
        await Eventually.ReadAsync(() => CheckStatusAsync(client, RedisCheck), status => status == "Unhealthy");

        await AssertRefusedAtOnceAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ServiceDefaultsExtensions.HealthPath, Cancellation)).StatusCode);

        link.Restore();
        await Eventually.ReadAsync(async () => (await PostEventAsync(client)).StatusCode, status => status == HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Readiness_and_liveness_answer_anyone_but_the_detailed_report_needs_the_operators_key_outside_development()
    {
        const string reportKey = "operators-report-key-0123456789";
        await using var ingress = new ServiceFactory<Ingress.Program>(servers, new Dictionary<string, string?> { ["Health:ReportKey"] = reportKey }, Environments.Production);
        var anonymous = ingress.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(ServiceDefaultsExtensions.HealthPath, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(ServiceDefaultsExtensions.AlivePath, Cancellation)).StatusCode);
        var refused = await anonymous.GetAsync(ServiceDefaultsExtensions.HealthReportPath, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(BusCheck, await refused.Content.ReadAsStringAsync(Cancellation));

        var operators = ingress.CreateClient();
        operators.DefaultRequestHeaders.Authorization = new("Bearer", reportKey);
        var report = await operators.GetFromJsonAsync<JsonElement>(ServiceDefaultsExtensions.HealthReportPath, Cancellation);
        Assert.True(report.GetProperty("checks").TryGetProperty(BusCheck, out _));
    }

    private static async Task AssertRefusedAtOnceAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        var refused = await PostEventAsync(client);
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(HttpDefaults.UnavailableRetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.True(clock.Elapsed < EventIntake.PublishTimeout / 2, $"Refused after {clock.Elapsed}, not at once.");
    }

    private static async Task<string?> CheckStatusAsync(HttpClient client, string check)
    {
        using var response = await client.GetAsync(ServiceDefaultsExtensions.HealthReportPath, Cancellation);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return report.GetProperty("checks").TryGetProperty(check, out var entry) ? entry.GetProperty("status").GetString() : null;
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client) =>
        client.PostAsJsonAsync("/v1/events", new
        {
            id = TestData.EventId(),
            type = "call.missed",
            phoneNumber = TestData.PhoneNumber(),
            contact = TestData.PhoneNumber(),
            occurredAt = DateTimeOffset.UtcNow,
        }, Cancellation);
}
