using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AutoReply.Domain.Data;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.IntegrationTests;

/// <summary>The cooldown's claims in the real PostgreSQL, at chosen moments, with nothing in Redis to answer first.</summary>
public sealed class CooldownStoreTests(RealServers servers) : IAsyncDisposable
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ThreeHours = TimeSpan.FromHours(3);

    private readonly ServiceFactory<Rules.Program> rules = new(servers);
    private readonly ContactKey contact = new(TestData.PhoneNumber(), TestData.PhoneNumber());

    public ValueTask DisposeAsync() => rules.DisposeAsync();

    [Fact]
    public async Task A_reply_at_ten_holds_the_cooldown_until_thirteen_exactly()
    {
        Assert.True(await ClaimAsync("event-a", Ten));

        Assert.False(await ClaimAsync("event-b", Ten + ThreeHours - TimeSpan.FromMilliseconds(1)));
        Assert.True(await ClaimAsync("event-b", Ten + ThreeHours));
    }

    [Fact]
    public async Task The_event_holding_the_cooldown_may_claim_it_again_and_no_other_may()
    {
        Assert.True(await ClaimAsync("event-a", Ten));

        Assert.True(await ClaimAsync("event-a", Ten + TimeSpan.FromMinutes(1)));
        Assert.False(await ClaimAsync("event-b", Ten + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_claim_rolled_back_with_its_decision_leaves_the_cooldown_free()
    {
        await using (var scope = rules.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            Assert.Contains(contact, await scope.ServiceProvider.GetRequiredService<ICooldownStore>()
                .ClaimAsync([new CooldownRequest(contact, "event-a", Ten, ThreeHours)], TestContext.Current.CancellationToken));
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await ClaimAsync("event-b", Ten + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_claim_released_in_its_transaction_leaves_the_cooldown_free_once_committed()
    {
        await using (var scope = rules.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RulesDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<ICooldownStore>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var request = new CooldownRequest(contact, "event-a", Ten, ThreeHours);
            Assert.Contains(contact, await store.ClaimAsync([request], TestContext.Current.CancellationToken));
            await store.ReleaseAsync([request], TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await ClaimAsync("event-b", Ten + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task One_batch_claims_each_of_its_contacts_and_skips_those_held_by_other_events()
    {
        var other = new ContactKey(contact.PhoneNumber, TestData.PhoneNumber());
        Assert.True(await ClaimAsync("event-a", Ten));

        await using var scope = rules.Services.CreateAsyncScope();
        var granted = await scope.ServiceProvider.GetRequiredService<ICooldownStore>().ClaimAsync(
            [new CooldownRequest(contact, "event-b", Ten + TimeSpan.FromMinutes(1), ThreeHours), new CooldownRequest(other, "event-c", Ten + TimeSpan.FromMinutes(1), ThreeHours)],
            TestContext.Current.CancellationToken);

        Assert.Equal([other], granted);
    }

    private async Task<bool> ClaimAsync(string eventId, DateTimeOffset at)
    {
        await using var scope = rules.Services.CreateAsyncScope();
        var granted = await scope.ServiceProvider.GetRequiredService<ICooldownStore>()
            .ClaimAsync([new CooldownRequest(contact, eventId, at, ThreeHours)], TestContext.Current.CancellationToken);
        return granted.Contains(contact);
    }
}
