using AutoReply.Rules.Evaluation;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// The cooldown as PostgreSQL keeps it, in memory: one claim per number and contact, held by the
/// event that made it until the cooldown ends. The in-memory database has no transactions, so a
/// claim is kept at once rather than at commit.
/// </summary>
internal sealed class InMemoryCooldownStore : ICooldownStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string PhoneNumber, string Contact), (string EventId, DateTimeOffset Until)> claims = [];

    public Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, DateTimeOffset at, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (claims.TryGetValue((phoneNumber, contact), out var claim) && claim.Until > at)
            {
                return Task.FromResult(claim.EventId == eventId);
            }
            claims[(phoneNumber, contact)] = (eventId, at + cooldown);
            return Task.FromResult(true);
        }
    }

    public Task RememberAsync(string phoneNumber, string contact, string eventId, DateTimeOffset until) => Task.CompletedTask;
}
