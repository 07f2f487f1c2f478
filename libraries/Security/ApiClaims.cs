using System.Security.Claims;
using AutoReply.Contracts;

namespace AutoReply.Security;

/// <summary>The claims an authenticated key carries, and how endpoints read them.</summary>
public static class ApiClaims
{
    public const string Scope = "scope";
    public const string Workspace = "workspace";
    public const string KeyId = "key_id";
    public const string Person = "person_id";

    /// <summary>A person's role in the workspace of the request (owner, admin, member).</summary>
    public const string WorkspaceRole = "workspace_role";

    /// <summary>The workspace the caller's key belongs to; none for the platform administrator.</summary>
    public static Guid? WorkspaceId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Workspace), out var id) ? id : null;

    /// <summary>The workspace of a caller that passed a scope's policy: only workspace keys have scopes.</summary>
    public static Guid RequiredWorkspaceId(this ClaimsPrincipal user) =>
        user.WorkspaceId() ?? throw new InvalidOperationException("An endpoint behind a scope was reached without a workspace's key.");

    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.IsInRole(ApiScopes.PlatformAdmin);

    /// <summary>The signed-in person behind the request; none for a key.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Person), out var id) ? id : null;

    /// <summary>The person's role in the request's workspace; none for a key, or a person who is no member there.</summary>
    public static Security.WorkspaceRole? RoleInWorkspace(this ClaimsPrincipal user) =>
        Vocabulary.TryParse<Security.WorkspaceRole>(user.FindFirstValue(WorkspaceRole), out var role) ? role : null;

    /// <summary>Whether the caller may manage the workspace's keys and people: the administrator, or an owner or admin of it.</summary>
    public static bool ManagesWorkspace(this ClaimsPrincipal user) =>
        user.IsPlatformAdmin() || user.RoleInWorkspace() is Security.WorkspaceRole.Owner or Security.WorkspaceRole.Admin;

    /// <summary>
    /// Whether the caller may see <paramref name="workspaceId"/> at all; where it may not, the
    /// answer is 404, as for a workspace that does not exist.
    /// </summary>
    public static bool CanReach(this ClaimsPrincipal user, Guid workspaceId) =>
        user.IsPlatformAdmin() || user.WorkspaceId() == workspaceId;

    /// <summary>The name rate limits and logs know the caller by: the key's prefix, never its secret.</summary>
    public static string KeyName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
