using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoReply.Contracts.Events;
using AutoReply.Ingress.Events;
using AutoReply.IntegrationTests.Infrastructure;

namespace AutoReply.IntegrationTests;

/// <summary>Ingress against the real RabbitMQ and Redis.</summary>
public sealed class IngressTests(RealServers servers) : IAsyncLifetime
{
    private readonly ServiceFactory<Ingress.Program> ingress = new(servers);
    private TestBus<CallMissed> bus = null!;

    public async ValueTask InitializeAsync() => bus = await TestBus.StartAsync<CallMissed>(servers.RabbitMq);

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await ingress.DisposeAsync();
    }

    [Fact]
    public async Task Accepted_event_is_published_once_and_its_repeat_is_reported_as_duplicate()
    {
        var client = ingress.CreateAuthorizedClient();
        var missedCall = MissedCall(TestData.EventId());

        var first = await client.PostAsJsonAsync("/v1/events", missedCall, TestContext.Current.CancellationToken);
        var second = await client.PostAsJsonAsync("/v1/events", missedCall, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<EventAccepted>(TestContext.Current.CancellationToken))!.Duplicate);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<EventAccepted>(TestContext.Current.CancellationToken))!.Duplicate);

        await bus.DrainAsync();
        Assert.Equal(1, bus.Observed.Count(e => e.EventId == missedCall.Id));
    }

    [Fact]
    public async Task Invalid_event_gets_field_errors_and_is_not_published()
    {
        var client = ingress.CreateAuthorizedClient();
        var id = TestData.EventId();

        var response = await client.PostAsJsonAsync("/v1/events",
            new { id, type = "call.missed", phoneNumber = "4155550100", contact = "+14155550199", occurredAt = "yesterday" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("phoneNumber", out _));
        Assert.True(errors.TryGetProperty("occurredAt", out _));

        await bus.DrainAsync();
        Assert.DoesNotContain(bus.Observed, e => e.EventId == id);
    }

    [Fact]
    public async Task Request_without_the_api_key_is_unauthorized()
    {
        var response = await ingress.CreateClient().PostAsJsonAsync("/v1/events", MissedCall(TestData.EventId()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Batch_answers_each_item_in_order()
    {
        var client = ingress.CreateAuthorizedClient();
        var accepted = MissedCall(TestData.EventId());
        await client.PostAsJsonAsync("/v1/events", accepted, TestContext.Current.CancellationToken);
        var fresh = MissedCall(TestData.EventId());
        var invalid = new { id = TestData.EventId(), type = "call.unknown", phoneNumber = "+14155550100", contact = "+14155550199", occurredAt = DateTimeOffset.UtcNow };

        var response = await client.PostAsJsonAsync("/v1/events/batch", new object[] { fresh, invalid, accepted }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<List<BatchItemResult>>(TestContext.Current.CancellationToken))!;
        Assert.Equal([fresh.Id, invalid.id, accepted.Id], results.Select(r => r.Id));
        Assert.Equal([202, 400, 202], results.Select(r => r.Status));
        Assert.Equal([false, null, true], results.Select(r => r.Duplicate));
    }

    [Fact]
    public async Task Batch_item_with_a_field_of_the_wrong_type_gets_its_own_field_error_and_the_rest_is_accepted()
    {
        var client = ingress.CreateAuthorizedClient();
        var fresh = MissedCall(TestData.EventId());
        var wrongType = new { id = TestData.EventId(), type = "call.missed", phoneNumber = "+14155550100", contact = "+14155550199", occurredAt = 123 };

        var response = await client.PostAsJsonAsync("/v1/events/batch", new object[] { wrongType, fresh }, TestContext.Current.CancellationToken);

        var results = (await response.Content.ReadFromJsonAsync<List<BatchItemResult>>(TestContext.Current.CancellationToken))!;
        Assert.Equal([400, 202], results.Select(r => r.Status));
        Assert.Equal(["occurredAt"], results[0].Errors!.Keys);
    }

    [Fact]
    public async Task Event_is_refused_with_503_and_not_published_while_redis_is_down()
    {
        var deadRedis = $"127.0.0.1:{UnusedPort.Next()},connectTimeout=500,asyncTimeout=500";
        await using var withoutRedis = new ServiceFactory<Ingress.Program>(servers, new Dictionary<string, string?> { ["ConnectionStrings:redis"] = deadRedis });
        var missedCall = MissedCall(TestData.EventId());

        var response = await withoutRedis.CreateAuthorizedClient().PostAsJsonAsync("/v1/events", missedCall, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await bus.DrainAsync();
        Assert.DoesNotContain(bus.Observed, e => e.EventId == missedCall.Id);
    }

    private static MissedCallRequest MissedCall(string id) =>
        new(id, "call.missed", TestData.PhoneNumber(), TestData.PhoneNumber(), DateTimeOffset.UtcNow);

    private sealed record MissedCallRequest(string Id, string Type, string PhoneNumber, string Contact, DateTimeOffset OccurredAt);
}
