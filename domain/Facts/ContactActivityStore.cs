using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using AutoReply.Domain.Data;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Policy;

namespace AutoReply.Domain.Facts;

/// <summary>The business called or texted <paramref name="Contact"/> by hand at <paramref name="OccurredAt"/>.</summary>
public sealed record OutboundContact(ContactKey Contact, DateTimeOffset OccurredAt);

/// <summary>When a business last called or texted a contact by hand.</summary>
public interface IContactActivityStore
{
    /// <summary>Records outbound activity; events arrive out of order, so only a later time moves a contact's.</summary>
    Task RecordOutboundAsync(IReadOnlyCollection<OutboundContact> activity, CancellationToken cancellationToken);

    /// <summary>
    /// The latest outbound activity of each contact asked about, where there was any. A time older
    /// than the one asked for may be left out: the caller only wants activity at or after it.
    /// </summary>
    Task<IReadOnlyDictionary<ContactKey, DateTimeOffset>> LastOutboundAsync(IReadOnlyDictionary<ContactKey, DateTimeOffset> since, CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL holds the truth (one row per number and contact, only ever moved forward); Redis holds
/// a copy written after it, which can answer "there was recent activity" but never "there was none":
/// a contact Redis cannot answer for is asked of PostgreSQL, so Redis losing its data costs speed,
/// never a text after recent activity.
/// </summary>
public sealed class ContactActivityStore(RulesDbContext db, RedisFastPath redis) : IContactActivityStore
{
    /// <summary>The longest recent-activity window a number may set; older activity can never matter.</summary>
    private static readonly TimeSpan Retention = BusinessNumber.MaxWindow;

    private static readonly LuaScript KeepLatest = LuaScript.Prepare("""
        local current = tonumber(redis.call('GET', @key))
        if current == nil or current < tonumber(@at) then
          redis.call('SET', @key, @at, 'PX', @retention)
        end
        return 1
        """);

    public async Task RecordOutboundAsync(IReadOnlyCollection<OutboundContact> activity, CancellationToken cancellationToken)
    {
        // One row may be updated once per statement: each contact's latest time only, in lock order.
        var latest = activity
            .GroupBy(a => a.Contact, (contact, times) => new OutboundContact(contact, times.Max(t => t.OccurredAt.ToUniversalTime())))
            .Order(Comparer<OutboundContact>.Create((a, b) => ContactKey.LockOrder.Compare(a.Contact, b.Contact)))
            .ToList();
        string[] phoneNumbers = [.. latest.Select(a => a.Contact.PhoneNumber)];
        string[] contacts = [.. latest.Select(a => a.Contact.Contact)];
        DateTimeOffset[] occurredAt = [.. latest.Select(a => a.OccurredAt)];
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.outbound_activity AS activity ("PhoneNumber", "Contact", "LastOutboundAt")
            SELECT * FROM unnest({phoneNumbers}, {contacts}, {occurredAt})
            ON CONFLICT ("PhoneNumber", "Contact") DO UPDATE
            SET "LastOutboundAt" = greatest(activity."LastOutboundAt", excluded."LastOutboundAt")
            """,
            cancellationToken);

        await redis.TryAsync(async database =>
        {
            await Task.WhenAll(latest.Select(a => database.ScriptEvaluateAsync(KeepLatest, new
            {
                key = Key(a.Contact),
                at = a.OccurredAt.ToUnixTimeMilliseconds(),
                retention = (long)Retention.TotalMilliseconds,
            })));
            return true;
        });
    }

    public async Task<IReadOnlyDictionary<ContactKey, DateTimeOffset>> LastOutboundAsync(IReadOnlyDictionary<ContactKey, DateTimeOffset> since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ContactKey, DateTimeOffset>();
        if (since.Count == 0)
        {
            return found;
        }

        var keys = since.Keys.ToList();
        var cached = await redis.TryAsync(database => database.StringGetAsync([.. keys.Select(Key)]));
        for (var i = 0; cached is not null && i < keys.Count; i++)
        {
            if (cached[i].TryParse(out long milliseconds) && DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) is var known && known >= since[keys[i]])
            {
                found[keys[i]] = known;
            }
        }

        var unanswered = keys.Where(key => !found.ContainsKey(key)).ToList();
        if (unanswered.Count == 0)
        {
            return found;
        }

        string[] phoneNumbers = [.. unanswered.Select(k => k.PhoneNumber)];
        string[] contacts = [.. unanswered.Select(k => k.Contact)];
        var stored = await db.OutboundActivity
            .FromSql(
                $"""
                SELECT activity.* FROM rules.outbound_activity AS activity
                JOIN unnest({phoneNumbers}, {contacts}) AS asked ("PhoneNumber", "Contact")
                  ON activity."PhoneNumber" = asked."PhoneNumber" AND activity."Contact" = asked."Contact"
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            found[new ContactKey(row.PhoneNumber, row.Contact)] = row.LastOutboundAt;
        }
        return found;
    }

    private static RedisKey Key(ContactKey contact) => $"rules:activity:{contact.PhoneNumber}:{contact.Contact}";
}
