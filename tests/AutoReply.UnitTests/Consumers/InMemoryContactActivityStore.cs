using AutoReply.Rules.Evaluation;

namespace AutoReply.UnitTests.Consumers;

/// <summary>Outbound activity as PostgreSQL keeps it, in memory: the latest time per number and contact.</summary>
internal sealed class InMemoryContactActivityStore : IContactActivityStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string PhoneNumber, string Contact), DateTimeOffset> latest = [];

    public Task RecordOutboundAsync(string phoneNumber, string contact, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!latest.TryGetValue((phoneNumber, contact), out var current) || current < occurredAt)
            {
                latest[(phoneNumber, contact)] = occurredAt;
            }
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> LastOutboundSinceAsync(string phoneNumber, string contact, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(latest.TryGetValue((phoneNumber, contact), out var at) && at >= since ? at : (DateTimeOffset?)null);
        }
    }
}
