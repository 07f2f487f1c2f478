using System.Security.Claims;
using AutoReply.Domain.Budgets;
using AutoReply.Domain.Data;
using AutoReply.Domain.Facts;
using AutoReply.RulesApi.Workspaces;
using AutoReply.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoReply.RulesApi.Budgets;

/// <summary>One daily send budget today: what it allows, what went out, and whether another may.</summary>
public sealed record BudgetUse(int Sent, int Limit, bool UsedUp);

/// <summary>A number's budget today.</summary>
public sealed record NumberBudgetUse(string PhoneNumber, int Sent, int Limit, bool UsedUp);

/// <summary>
/// Today's texts against the daily send budgets: the workspace's, every number's that is used up,
/// and the one asked for. While one a number depends on is used up, its auto-replies send nothing
/// until <paramref name="ResetsAt"/>.
/// </summary>
public sealed record BudgetsToday(string Day, DateTimeOffset ResetsAt, BudgetUse Workspace, IReadOnlyList<NumberBudgetUse> Numbers);

/// <summary><c>GET /v1/budgets/today</c> (docs/http-api.md).</summary>
public static class BudgetEndpoints
{
    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/budgets/today", TodayAsync).WithTags("Budgets")
            .WithSummary("Today's texts (a UTC day) against the daily send budgets: the workspace's, its numbers' that are used up, and phoneNumber's")
            .RequireScope(ApiScopes.ConfigRead);
        return routes;
    }

    private static async Task<Ok<BudgetsToday>> TodayAsync(
        ClaimsPrincipal user, RulesDbContext db, IOptions<SendBudgetOptions> options, TimeProvider clock, CancellationToken cancellationToken, string? phoneNumber = null)
    {
        var limits = options.Value;
        var day = SendBudgets.DayOf(clock.GetUtcNow());
        var workspaceScope = SendBudgetCount.WorkspaceScope(user.RequiredWorkspaceId());
        var ownScopes = db.Numbers.InWorkspaceOf(user).Select(n => SendBudgetCount.NumberPrefix + n.PhoneNumber);
        var asked = phoneNumber is null ? null : SendBudgetCount.NumberScope(phoneNumber);
        var counts = await db.SendBudgets.AsNoTracking()
            .Where(c => c.Day == day && (c.Scope == workspaceScope
                || (ownScopes.Contains(c.Scope) && (c.Sent >= limits.PerNumberPerDay || c.Scope == asked))))
            .ToListAsync(cancellationToken);

        var workspaceSent = counts.SingleOrDefault(c => c.Scope == workspaceScope)?.Sent ?? 0;
        List<NumberBudgetUse> numbers = [.. counts
            .Where(c => c.PhoneNumberOf() is not null)
            .Select(c => new NumberBudgetUse(c.PhoneNumberOf()!, c.Sent, limits.PerNumberPerDay, c.Sent >= limits.PerNumberPerDay))
            .OrderBy(n => n.PhoneNumber, StringComparer.Ordinal)];
        if (phoneNumber is not null && numbers.All(n => n.PhoneNumber != phoneNumber)
            && await db.Numbers.InWorkspaceOf(user).AnyAsync(n => n.PhoneNumber == phoneNumber, cancellationToken))
        {
            numbers.Add(new NumberBudgetUse(phoneNumber, 0, limits.PerNumberPerDay, false));
        }
        return TypedResults.Ok(new BudgetsToday(
            day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new BudgetUse(workspaceSent, limits.PerWorkspacePerDay, workspaceSent >= limits.PerWorkspacePerDay),
            numbers));
    }
}
