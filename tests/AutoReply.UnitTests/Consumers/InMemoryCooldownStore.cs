using AutoReply.Domain.Cooldowns;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// The cooldown as PostgreSQL keeps it, in memory: one claim per number and contact, held by the
/// event that made it until the cooldown ends. The in-memory database has no transactions, so a
/// claim is kept at once rather than at commit.
/// </summary>
internal sealed class InMemoryCooldownStore : ICooldownStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<ContactKey, CooldownClaim> claims = [];

    public Task<IReadOnlySet<ContactKey>> ClaimAsync(IReadOnlyList<CooldownRequest> requests, CancellationToken cancellationToken)
    {
        var granted = new HashSet<ContactKey>();
        lock (gate)
        {
            foreach (var request in requests)
            {
                if (claims.TryGetValue(request.Contact, out var claim) && claim.HoldsAt(request.At) && claim.EventId != request.EventId)
                {
                    continue;
                }
                claims[request.Contact] = new CooldownClaim
                {
                    PhoneNumber = request.Contact.PhoneNumber, Contact = request.Contact.Contact, EventId = request.EventId, ClaimedAt = request.At, ClaimedUntil = request.Until,
                };
                granted.Add(request.Contact);
            }
        }
        return Task.FromResult<IReadOnlySet<ContactKey>>(granted);
    }

    public Task ReleaseAsync(IReadOnlyCollection<CooldownRequest> claimed, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var request in claimed)
            {
                if (claims.TryGetValue(request.Contact, out var claim) && claim.EventId == request.EventId)
                {
                    claims.Remove(request.Contact);
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task RememberAsync(IReadOnlyCollection<CooldownRequest> claimed) => Task.CompletedTask;

    public Task<CooldownClaim?> LastClaimAsync(ContactKey contact, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(claims.GetValueOrDefault(contact));
        }
    }
}
