using AutoReply.Ingress.Deduplication;
using AutoReply.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace AutoReply.IntegrationTests;

/// <summary>Ingress's de-duplication of event ids, on the real Redis.</summary>
public sealed class EventIdRegistryTests(RealServers servers) : IAsyncLifetime
{
    private ConnectionMultiplexer redis = null!;
    private EventIdRegistry registry = null!;

    public async ValueTask InitializeAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis);
        registry = new EventIdRegistry(redis, TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task Retry_after_a_failed_publish_is_not_told_duplicate()
    {
        var id = TestData.EventId();
        var failedAttempt = await registry.ClaimAsync(id);

        await registry.ReleaseAsync(failedAttempt, id);
        var retry = await registry.ClaimAsync(id);

        Assert.Equal(ClaimOutcome.Claimed, failedAttempt.Outcome);
        Assert.Equal(ClaimOutcome.Claimed, retry.Outcome);
    }

    [Fact]
    public async Task Published_id_is_reported_as_already_published()
    {
        var id = TestData.EventId();
        await registry.ClaimAsync(id);

        await registry.MarkPublishedAsync(id);

        Assert.Equal(ClaimOutcome.AlreadyPublished, (await registry.ClaimAsync(id)).Outcome);
    }

    [Fact]
    public async Task Concurrent_request_for_an_id_being_published_waits_and_then_sees_the_duplicate()
    {
        var id = TestData.EventId();
        await registry.ClaimAsync(id);

        var waiting = registry.ClaimOrAwaitAsync(id, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await registry.MarkPublishedAsync(id);

        Assert.Equal(ClaimOutcome.AlreadyPublished, (await waiting).Outcome);
    }

    [Fact]
    public async Task Release_by_a_request_that_lost_its_lease_keeps_the_new_owner_claim()
    {
        var id = TestData.EventId();
        var expired = new EventIdClaim(ClaimOutcome.Claimed, "pending:someone-else");
        var owner = await registry.ClaimAsync(id);

        await registry.ReleaseAsync(expired, id);

        Assert.Equal(ClaimOutcome.Claimed, owner.Outcome);
        Assert.Equal(ClaimOutcome.InFlight, (await registry.ClaimAsync(id)).Outcome);
    }
}
