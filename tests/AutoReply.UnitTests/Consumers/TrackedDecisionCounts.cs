using System.Collections.Concurrent;
using AutoReply.Domain.Decisions;

namespace AutoReply.UnitTests.Consumers;

/// <summary>The count changes the consumers made, kept for the test to read: the in-memory provider runs no SQL.</summary>
internal sealed class TrackedDecisionCounts : IDecisionCounts
{
    private readonly ConcurrentQueue<DecisionCountChange> applied = new();

    public IReadOnlyList<DecisionCountChange> Applied => [.. applied];

    public Task ApplyAsync(IReadOnlyList<DecisionCountChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            applied.Enqueue(change);
        }
        return Task.CompletedTask;
    }
}
