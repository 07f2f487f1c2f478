using AutoReply.Domain.Data;
using AutoReply.Domain.Decisions;

namespace AutoReply.UnitTests.Consumers;

/// <summary>The decisions added to the unit of work, saved with it: the in-memory provider runs no SQL.</summary>
internal sealed class TrackedDecisionLog(RulesDbContext db) : IDecisionLog
{
    public Task WriteAsync(IReadOnlyList<Decision> decisions, CancellationToken cancellationToken)
    {
        db.Decisions.AddRange(decisions);
        return Task.CompletedTask;
    }
}
