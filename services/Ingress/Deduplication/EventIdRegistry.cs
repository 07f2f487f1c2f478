using StackExchange.Redis;

namespace AutoReply.Ingress.Deduplication;

public enum ClaimOutcome
{
    /// <summary>This request owns the id and must publish the event.</summary>
    Claimed,

    /// <summary>The event with this id is already on the bus.</summary>
    AlreadyPublished,

    /// <summary>Another request is publishing this id right now.</summary>
    InFlight,
}

public sealed record EventIdClaim(ClaimOutcome Outcome, string Token);

/// <summary>
/// De-duplication of event ids in Redis, in two steps so that a failed publish never makes a
/// retry look like a duplicate: an id is first claimed as pending (with a short lease), and only
/// marked published once the broker confirmed the message. A failed publish releases the claim;
/// a crashed ingress lets the lease run out.
/// </summary>
public sealed class EventIdRegistry(IConnectionMultiplexer redis, TimeProvider clock)
{
    /// <summary>How long an id is remembered once published. Rules de-duplicates by id for good, this only spares the bus.</summary>
    public static readonly TimeSpan PublishedRetention = TimeSpan.FromDays(7);

    /// <summary>Longer than any publish with confirms takes; after it a crashed request's id can be claimed again.</summary>
    public static readonly TimeSpan PendingLease = TimeSpan.FromSeconds(30);

    private const string Published = "published";
    private const string PendingPrefix = "pending:";

    private static readonly LuaScript ReleaseIfOwned = LuaScript.Prepare(
        "if redis.call('GET', @key) == @pending then return redis.call('DEL', @key) end return 0");

    public async Task<EventIdClaim> ClaimAsync(string eventId)
    {
        var key = Key(eventId);
        var token = PendingPrefix + Guid.NewGuid().ToString("N");
        var database = redis.GetDatabase();
        while (true)
        {
            if (await database.StringSetAsync(key, token, PendingLease, When.NotExists))
            {
                return new EventIdClaim(ClaimOutcome.Claimed, token);
            }

            var current = await database.StringGetAsync(key);
            if (current.IsNull)
            {
                continue; // the other claim's lease ran out between the two calls: claim again
            }
            return new EventIdClaim(current == Published ? ClaimOutcome.AlreadyPublished : ClaimOutcome.InFlight, token);
        }
    }

    /// <summary>Waits for another request's publish of the same id to finish, up to <paramref name="patience"/>.</summary>
    public async Task<EventIdClaim> ClaimOrAwaitAsync(string eventId, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + patience;
        while (true)
        {
            var claim = await ClaimAsync(eventId);
            if (claim.Outcome != ClaimOutcome.InFlight || clock.GetUtcNow() >= deadline)
            {
                return claim;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }
    }

    public Task MarkPublishedAsync(string eventId) =>
        redis.GetDatabase().StringSetAsync(Key(eventId), Published, PublishedRetention);

    public Task ReleaseAsync(EventIdClaim claim, string eventId) =>
        redis.GetDatabase().ScriptEvaluateAsync(ReleaseIfOwned, new { key = (RedisKey)Key(eventId), pending = claim.Token });

    private static string Key(string eventId) => $"ingress:event:{eventId}";
}
