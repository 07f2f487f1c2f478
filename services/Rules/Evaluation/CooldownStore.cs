using AutoReply.Rules.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace AutoReply.Rules.Evaluation;

/// <summary>The per-contact cooldown: at most one auto-reply per number and contact per window.</summary>
public interface ICooldownStore
{
    /// <summary>
    /// Claims the contact's cooldown for <paramref name="eventId"/> from <paramref name="at"/>, inside
    /// the caller's transaction (the claim commits or rolls back with the decision). True when this
    /// event may reply: the cooldown was free, or this same event holds it.
    /// </summary>
    Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, DateTimeOffset at, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>Tells the fast path about a claim whose decision has committed.</summary>
    Task RememberAsync(string phoneNumber, string contact, string eventId, DateTimeOffset until);
}

/// <summary>
/// PostgreSQL holds the truth: one row per number and contact, claimed with a single upsert that
/// only takes an expired claim, so two replicas racing for a contact serialize on its row and one
/// wins. Redis holds a copy written after commit that answers "held by another event" without the
/// database; Redis empty, restarted or unreachable costs that round trip, never a second text.
/// </summary>
public sealed class CooldownStore(RulesDbContext db, RedisFastPath redis, TimeProvider clock) : ICooldownStore
{
    public async Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, DateTimeOffset at, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var holder = await redis.TryAsync(async database => (string?)await database.StringGetAsync(Key(phoneNumber, contact)));
        if (holder is not null && holder != eventId)
        {
            return false;
        }

        var claimedAt = at.ToUniversalTime();
        var claimedUntil = claimedAt + cooldown;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.cooldown_claims AS claim ("PhoneNumber", "Contact", "EventId", "ClaimedAt", "ClaimedUntil")
            VALUES ({phoneNumber}, {contact}, {eventId}, {claimedAt}, {claimedUntil})
            ON CONFLICT ("PhoneNumber", "Contact") DO UPDATE
            SET "EventId" = excluded."EventId", "ClaimedAt" = excluded."ClaimedAt", "ClaimedUntil" = excluded."ClaimedUntil"
            WHERE claim."ClaimedUntil" <= excluded."ClaimedAt" OR claim."EventId" = excluded."EventId"
            """,
            cancellationToken);
        return claimed == 1;
    }

    public async Task RememberAsync(string phoneNumber, string contact, string eventId, DateTimeOffset until)
    {
        var remaining = until - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        await redis.TryAsync(database => database.StringSetAsync(Key(phoneNumber, contact), eventId, remaining));
    }

    private static RedisKey Key(string phoneNumber, string contact) => $"rules:cooldown:{phoneNumber}:{contact}";
}
