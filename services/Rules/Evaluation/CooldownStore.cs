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
public sealed partial class CooldownStore(RulesDbContext db, IConnectionMultiplexer redis, TimeProvider clock, ILogger<CooldownStore> logger) : ICooldownStore
{
    public async Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, DateTimeOffset at, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        if (await HolderKnownToRedisAsync(phoneNumber, contact) is { } holder && holder != eventId)
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

        try
        {
            await redis.GetDatabase().StringSetAsync(Key(phoneNumber, contact), eventId, remaining);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogFastPathUnavailable(logger, ex);
        }
    }

    private async Task<string?> HolderKnownToRedisAsync(string phoneNumber, string contact)
    {
        try
        {
            return await redis.GetDatabase().StringGetAsync(Key(phoneNumber, contact));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogFastPathUnavailable(logger, ex);
            return null;
        }
    }

    private static RedisKey Key(string phoneNumber, string contact) => $"rules:cooldown:{phoneNumber}:{contact}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; cooldowns are answered by PostgreSQL alone")]
    private static partial void LogFastPathUnavailable(ILogger logger, Exception exception);
}
