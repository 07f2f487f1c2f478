using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AutoReply.Domain.Data;
using AutoReply.Domain.Policy;
using AutoReply.Domain.Budgets;

namespace AutoReply.Domain.Facts;

/// <summary>The <c>SendBudgets</c> section: the most texts a number, and a workspace, may send in a day (UTC).</summary>
public sealed class SendBudgetOptions
{
    public const string Section = "SendBudgets";

    [Range(1, 10_000_000)]
    public int PerNumberPerDay { get; set; } = 1_000;

    [Range(1, 100_000_000)]
    public int PerWorkspacePerDay { get; set; } = 10_000;

    /// <summary>Whether a number that has sent <paramref name="byNumber"/> texts today, in a workspace that has sent <paramref name="byWorkspace"/>, may send one more.</summary>
    public bool AllowsAnother(int byNumber, int byWorkspace) => byNumber < PerNumberPerDay && byWorkspace < PerWorkspacePerDay;
}

/// <summary>A reply that would go out, and the workspace whose budget it spends.</summary>
public sealed record BudgetRequest(InboundEvent Event, Guid WorkspaceId);

/// <summary>The replies refused for a budget, and the budgets refused for the first time today.</summary>
public sealed record BudgetSpend(IReadOnlySet<InboundEvent> Denied, IReadOnlyList<SendBudgetCount> NewlyExhausted)
{
    public static readonly BudgetSpend Nothing = new(new HashSet<InboundEvent>(), []);
}

/// <summary>Per-number and per-workspace daily send budgets: every text is inside both.</summary>
public interface ISendBudgets
{
    /// <summary>
    /// Spends a text of each budget for each request, in order, inside the caller's transaction:
    /// the counts commit or roll back with the decisions. A request either budget has no text left
    /// for is refused.
    /// </summary>
    Task<BudgetSpend> SpendAsync(IReadOnlyList<BudgetRequest> requests, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The texts a number and its workspace have sent on <paramref name="day"/> (UTC); only read.</summary>
    Task<BudgetsSpent> SpentAsync(string phoneNumber, Guid workspaceId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>What a number and its workspace have sent in a day; <see cref="SendBudgetOptions.AllowsAnother"/> says whether one more may go.</summary>
public readonly record struct BudgetsSpent(int ByNumber, int ByWorkspace);

/// <summary>
/// PostgreSQL holds one row per budget and day. A batch locks the rows it needs (in one order, so
/// two batches never deadlock) and holds them until it commits, so the count is exact across
/// replicas: a workspace's batches that send texts take turns for that moment.
/// </summary>
public sealed class SendBudgets(RulesDbContext db, IOptions<SendBudgetOptions> options) : ISendBudgets
{
    public async Task<BudgetSpend> SpendAsync(IReadOnlyList<BudgetRequest> requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return BudgetSpend.Nothing;
        }

        var day = DayOf(now);
        string[] scopes = [.. ScopesOf(requests).Order(StringComparer.Ordinal)];
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO rules.send_budgets ("Scope", "Day", "Sent")
            SELECT scope, {day}, 0 FROM unnest({scopes}) AS scope ORDER BY scope
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        var counts = await db.SendBudgets
            .FromSql($"""SELECT * FROM rules.send_budgets WHERE "Day" = {day} AND "Scope" = ANY({scopes}) ORDER BY "Scope" FOR UPDATE""")
            .ToDictionaryAsync(count => count.Scope, StringComparer.Ordinal, cancellationToken);
        return Allocate(requests, counts, options.Value, now);
    }

    public async Task<BudgetsSpent> SpentAsync(string phoneNumber, Guid workspaceId, DateOnly day, CancellationToken cancellationToken)
    {
        var (numberScope, workspaceScope) = (SendBudgetCount.NumberScope(phoneNumber), SendBudgetCount.WorkspaceScope(workspaceId));
        var sent = await db.SendBudgets.AsNoTracking()
            .Where(b => b.Day == day && (b.Scope == numberScope || b.Scope == workspaceScope))
            .ToDictionaryAsync(b => b.Scope, b => b.Sent, StringComparer.Ordinal, cancellationToken);
        return new BudgetsSpent(sent.GetValueOrDefault(numberScope), sent.GetValueOrDefault(workspaceScope));
    }

    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static IEnumerable<string> ScopesOf(IEnumerable<BudgetRequest> requests) => requests
        .SelectMany(r => new[] { SendBudgetCount.NumberScope(r.Event.PhoneNumber), SendBudgetCount.WorkspaceScope(r.WorkspaceId) })
        .Distinct(StringComparer.Ordinal);

    /// <summary>Spends from <paramref name="counts"/> (every scope of the requests, today's) in the requests' order.</summary>
    public static BudgetSpend Allocate(IReadOnlyList<BudgetRequest> requests, IReadOnlyDictionary<string, SendBudgetCount> counts, SendBudgetOptions limits, DateTimeOffset now)
    {
        var denied = new HashSet<InboundEvent>();
        var exhausted = new List<SendBudgetCount>();
        foreach (var request in requests)
        {
            var number = counts[SendBudgetCount.NumberScope(request.Event.PhoneNumber)];
            var workspace = counts[SendBudgetCount.WorkspaceScope(request.WorkspaceId)];
            if (limits.AllowsAnother(number.Sent, workspace.Sent))
            {
                number.Sent++;
                workspace.Sent++;
                continue;
            }
            var spent = number.Sent >= limits.PerNumberPerDay ? number : workspace;
            denied.Add(request.Event);
            if (spent.ExhaustedAt is null)
            {
                spent.ExhaustedAt = now;
                exhausted.Add(spent);
            }
        }
        return new BudgetSpend(denied, exhausted);
    }
}
