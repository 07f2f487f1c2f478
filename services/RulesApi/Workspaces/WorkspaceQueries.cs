using System.Security.Claims;
using AutoReply.Security;
using AutoReply.Domain.Decisions;
using AutoReply.Domain.Numbers;

namespace AutoReply.RulesApi.Workspaces;

/// <summary>
/// The caller's workspace's rows, and no others: every endpoint reads and writes through these (an
/// auto-reply through its number), so another workspace's number, auto-reply or decision is simply not found.
/// </summary>
public static class WorkspaceQueries
{
    public static IQueryable<BusinessNumber> InWorkspaceOf(this IQueryable<BusinessNumber> numbers, ClaimsPrincipal user)
    {
        var workspaceId = user.RequiredWorkspaceId();
        return numbers.Where(n => n.WorkspaceId == workspaceId);
    }

    public static IQueryable<Decision> InWorkspaceOf(this IQueryable<Decision> decisions, ClaimsPrincipal user)
    {
        var workspaceId = user.RequiredWorkspaceId();
        return decisions.Where(d => d.WorkspaceId == workspaceId);
    }
}
