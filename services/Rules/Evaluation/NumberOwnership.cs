using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;

namespace AutoReply.Rules.Evaluation;

/// <summary>An event and the workspace that submitted it through ingress, if it came that way.</summary>
public readonly record struct Submitted<T>(Guid? WorkspaceId, string PhoneNumber, T Item);

/// <summary>Keeps a workspace's events to its own numbers.</summary>
public sealed class NumberOwnership(RulesDbContext db)
{
    /// <summary>The items from inside the platform, and those a workspace submitted for a number it owns.</summary>
    public async Task<List<T>> KeepOwnAsync<T>(IReadOnlyCollection<Submitted<T>> items, CancellationToken cancellationToken)
    {
        List<string> submittedNumbers = [.. items.Where(i => i.WorkspaceId is not null).Select(i => i.PhoneNumber).Distinct()];
        var owners = submittedNumbers.Count == 0
            ? []
            : await db.Numbers.AsNoTracking().Where(n => submittedNumbers.Contains(n.PhoneNumber))
                .ToDictionaryAsync(n => n.PhoneNumber, n => n.WorkspaceId, cancellationToken);
        return [.. items
            .Where(i => i.WorkspaceId is null || (owners.TryGetValue(i.PhoneNumber, out var owner) && owner == i.WorkspaceId))
            .Select(i => i.Item)];
    }
}
