using AutoReply.Rules.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace AutoReply.Rules.Evaluation;

/// <summary>When a business last called or texted a contact by hand.</summary>
public interface IContactActivityStore
{
    /// <summary>Records outbound activity; events arrive out of order, so only a later time moves it.</summary>
    Task RecordOutboundAsync(string phoneNumber, string contact, DateTimeOffset occurredAt, CancellationToken cancellationToken);

    /// <summary>The latest outbound activity at or after <paramref name="since"/>, or null when there was none.</summary>
    Task<DateTimeOffset?> LastOutboundSinceAsync(string phoneNumber, string contact, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL holds the truth (one row per number and contact, only ever moved forward); Redis holds
/// a copy written after it, which can answer "there was recent activity" but never "there was none":
/// a miss asks PostgreSQL, so Redis losing its data costs speed, never a text after recent activity.
/// </summary>
public sealed class ContactActivityStore(RulesDbContext db, RedisFastPath redis) : IContactActivityStore
{
    /// <summary>The longest recent-activity window a number may set; older activity can never matter.</summary>
    private static readonly TimeSpan Retention = Numbers.NumberSettingsValidator.MaxWindow;

    private static readonly LuaScript KeepLatest = LuaScript.Prepare("""
        local current = tonumber(redis.call('GET', @key))
        if current == nil or current < tonumber(@at) then
          redis.call('SET', @key, @at, 'PX', @retention)
        end
        return 1
        """);

    public async Task RecordOutboundAsync(string phoneNumber, string contact, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var at = occurredAt.ToUniversalTime();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.outbound_activity AS activity ("PhoneNumber", "Contact", "LastOutboundAt")
            VALUES ({phoneNumber}, {contact}, {at})
            ON CONFLICT ("PhoneNumber", "Contact") DO UPDATE
            SET "LastOutboundAt" = greatest(activity."LastOutboundAt", excluded."LastOutboundAt")
            """,
            cancellationToken);

        await redis.TryAsync(database => database.ScriptEvaluateAsync(KeepLatest, new
        {
            key = Key(phoneNumber, contact),
            at = at.ToUnixTimeMilliseconds(),
            retention = (long)Retention.TotalMilliseconds,
        }));
    }

    public async Task<DateTimeOffset?> LastOutboundSinceAsync(string phoneNumber, string contact, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var cached = await redis.TryAsync(database => database.StringGetAsync(Key(phoneNumber, contact)));
        if (cached.TryParse(out long milliseconds) && DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) is var known && known >= since)
        {
            return known;
        }

        var sinceUtc = since.ToUniversalTime();
        return await db.OutboundActivity.AsNoTracking()
            .Where(a => a.PhoneNumber == phoneNumber && a.Contact == contact && a.LastOutboundAt >= sinceUtc)
            .Select(a => (DateTimeOffset?)a.LastOutboundAt)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static RedisKey Key(string phoneNumber, string contact) => $"rules:activity:{phoneNumber}:{contact}";
}
