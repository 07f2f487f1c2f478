using AutoReply.Domain.Policy;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Outbound activity as PostgreSQL keeps it, in memory: the latest time per number and contact.</summary>
internal sealed class InMemoryContactActivityStore : IContactActivityStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<ContactKey, DateTimeOffset> latest = [];

    public Task RecordOutboundAsync(IReadOnlyCollection<OutboundContact> activity, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var (contact, occurredAt) in activity)
            {
                if (!latest.TryGetValue(contact, out var current) || current < occurredAt)
                {
                    latest[contact] = occurredAt;
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<ContactKey, DateTimeOffset>> LastOutboundAsync(IReadOnlyDictionary<ContactKey, DateTimeOffset> since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<ContactKey, DateTimeOffset>>(
                since.Keys.Where(latest.ContainsKey).ToDictionary(key => key, key => latest[key]));
        }
    }
}
