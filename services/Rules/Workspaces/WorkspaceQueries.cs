using System.Security.Claims;
using AutoReply.Rules.AutoReplies;
using AutoReply.Rules.Data;
using AutoReply.Rules.Decisions;
using AutoReply.Rules.Numbers;
using AutoReply.ServiceDefaults.Security;

namespace AutoReply.Rules.Workspaces;

/// <summary>
/// The caller's workspace's rows, and no others: every endpoint reads and writes through these, so
/// another workspace's number, auto-reply or decision is simply not found.
/// </summary>
public static class WorkspaceQueries
{
    public static IQueryable<BusinessNumber> InWorkspaceOf(this IQueryable<BusinessNumber> numbers, ClaimsPrincipal user)
    {
        var workspaceId = user.RequiredWorkspaceId();
        return numbers.Where(n => n.WorkspaceId == workspaceId);
    }

    public static IQueryable<AutoReplyDefinition> InWorkspaceOf(this IQueryable<AutoReplyDefinition> replies, ClaimsPrincipal user, RulesDbContext db)
    {
        var numbers = db.Numbers.InWorkspaceOf(user);
        return replies.Where(r => numbers.Any(n => n.PhoneNumber == r.PhoneNumber));
    }

    public static IQueryable<Decision> InWorkspaceOf(this IQueryable<Decision> decisions, ClaimsPrincipal user)
    {
        var workspaceId = user.RequiredWorkspaceId();
        return decisions.Where(d => d.WorkspaceId == workspaceId);
    }
}
