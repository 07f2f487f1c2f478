using AutoReply.Rules.Evaluation;

namespace AutoReply.UnitTests.Consumers;

/// <summary>
/// The cooldown as the Redis store keeps it, in memory: one claim per number and contact, held by the
/// event that made it, until the cooldown ends by the given clock.
/// </summary>
internal sealed class InMemoryCooldownStore(TimeProvider clock) : ICooldownStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string PhoneNumber, string Contact), (string EventId, DateTimeOffset Until)> claims = [];

    public Task<bool> TryClaimAsync(string phoneNumber, string contact, string eventId, TimeSpan cooldown)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (claims.TryGetValue((phoneNumber, contact), out var claim) && claim.Until > now)
            {
                return Task.FromResult(claim.EventId == eventId);
            }
            claims[(phoneNumber, contact)] = (eventId, now + cooldown);
            return Task.FromResult(true);
        }
    }
}
