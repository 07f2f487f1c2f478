using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using AutoReply.Domain.Data;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Cooldowns;

namespace AutoReply.Domain.Facts;

/// <summary>An event that would reply, asking for its contact's cooldown from <paramref name="At"/>.</summary>
public sealed record CooldownRequest(ContactKey Contact, string EventId, DateTimeOffset At, TimeSpan Cooldown)
{
    public DateTimeOffset Until => At + Cooldown;
}

/// <summary>The per-contact cooldown: at most one auto-reply per number and contact per window.</summary>
public interface ICooldownStore
{
    /// <summary>
    /// Claims each request's cooldown (at most one request per contact), inside the caller's
    /// transaction: the claims commit or roll back with the decisions. Answers the contacts whose
    /// request may reply: the cooldown was free, or that same event already holds it.
    /// </summary>
    Task<IReadOnlySet<ContactKey>> ClaimAsync(IReadOnlyList<CooldownRequest> requests, CancellationToken cancellationToken);

    /// <summary>Frees claims this transaction made for replies that will not go out after all (over a budget).</summary>
    Task ReleaseAsync(IReadOnlyCollection<CooldownRequest> claimed, CancellationToken cancellationToken);

    /// <summary>Tells the fast path about claims whose decisions have committed.</summary>
    Task RememberAsync(IReadOnlyCollection<CooldownRequest> claimed);

    /// <summary>The contact's last claim, as the next claim would find it (null when it never had one); only read.</summary>
    Task<CooldownClaim?> LastClaimAsync(ContactKey contact, CancellationToken cancellationToken);
}

/// <summary>
/// PostgreSQL holds the truth: one row per number and contact, claimed by a single upsert per
/// batch that only takes an expired claim, so two replicas racing for a contact serialize on its
/// row and one wins. Redis holds a copy written after commit that answers "held by another event"
/// without the database; Redis empty, restarted or unreachable costs that round trip, never a
/// second text.
/// </summary>
public sealed class CooldownStore(RulesDbContext db, RedisFastPath redis, TimeProvider clock) : ICooldownStore
{
    public async Task<IReadOnlySet<ContactKey>> ClaimAsync(IReadOnlyList<CooldownRequest> requests, CancellationToken cancellationToken)
    {
        var holders = await redis.TryAsync(database => database.StringGetAsync([.. requests.Select(r => Key(r.Contact))]));
        var open = requests
            .Where((request, i) => holders is null || holders[i].IsNull || holders[i] == request.EventId)
            .Order(Comparer<CooldownRequest>.Create((a, b) => ContactKey.LockOrder.Compare(a.Contact, b.Contact)))
            .ToList();
        if (open.Count == 0)
        {
            return new HashSet<ContactKey>();
        }

        string[] phoneNumbers = [.. open.Select(r => r.Contact.PhoneNumber)];
        string[] contacts = [.. open.Select(r => r.Contact.Contact)];
        string[] eventIds = [.. open.Select(r => r.EventId)];
        DateTimeOffset[] claimedAt = [.. open.Select(r => r.At.ToUniversalTime())];
        DateTimeOffset[] claimedUntil = [.. open.Select(r => r.Until.ToUniversalTime())];
        var claimed = await db.Database.SqlQuery<ClaimedContact>(
            $"""
            INSERT INTO rules.cooldown_claims AS claim ("PhoneNumber", "Contact", "EventId", "ClaimedAt", "ClaimedUntil")
            SELECT * FROM unnest({phoneNumbers}, {contacts}, {eventIds}, {claimedAt}, {claimedUntil})
            ON CONFLICT ("PhoneNumber", "Contact") DO UPDATE
            SET "EventId" = excluded."EventId", "ClaimedAt" = excluded."ClaimedAt", "ClaimedUntil" = excluded."ClaimedUntil"
            WHERE claim."ClaimedUntil" <= excluded."ClaimedAt" OR claim."EventId" = excluded."EventId" -- not CooldownClaim.HoldsAt
            RETURNING claim."PhoneNumber", claim."Contact"
            """).ToListAsync(cancellationToken);
        return claimed.Select(c => new ContactKey(c.PhoneNumber, c.Contact)).ToHashSet();
    }

    public async Task ReleaseAsync(IReadOnlyCollection<CooldownRequest> claimed, CancellationToken cancellationToken)
    {
        string[] phoneNumbers = [.. claimed.Select(r => r.Contact.PhoneNumber)];
        string[] contacts = [.. claimed.Select(r => r.Contact.Contact)];
        string[] eventIds = [.. claimed.Select(r => r.EventId)];
        // A claim only ever replaced an expired one, so a window of zero length frees it exactly as before.
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE rules.cooldown_claims AS claim SET "ClaimedUntil" = claim."ClaimedAt"
            FROM unnest({phoneNumbers}, {contacts}, {eventIds}) AS released("PhoneNumber", "Contact", "EventId")
            WHERE claim."PhoneNumber" = released."PhoneNumber" AND claim."Contact" = released."Contact" AND claim."EventId" = released."EventId"
            """,
            cancellationToken);
    }

    public async Task RememberAsync(IReadOnlyCollection<CooldownRequest> claimed)
    {
        var now = clock.GetUtcNow();
        var live = claimed.Where(c => c.Until > now).ToList();
        if (live.Count == 0)
        {
            return;
        }

        await redis.TryAsync(async database =>
        {
            await Task.WhenAll(live.Select(c => database.StringSetAsync(Key(c.Contact), c.EventId, c.Until - now)));
            return true;
        });
    }

    public Task<CooldownClaim?> LastClaimAsync(ContactKey contact, CancellationToken cancellationToken) =>
        db.CooldownClaims.AsNoTracking().SingleOrDefaultAsync(c => c.PhoneNumber == contact.PhoneNumber && c.Contact == contact.Contact, cancellationToken);

    private sealed class ClaimedContact
    {
        public required string PhoneNumber { get; init; }

        public required string Contact { get; init; }
    }

    private static RedisKey Key(ContactKey contact) => $"rules:cooldown:{contact.PhoneNumber}:{contact.Contact}";
}
