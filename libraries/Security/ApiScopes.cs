using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AutoReply.Security;

/// <summary>
/// What a workspace's API key may do, each scope an authorization policy of the same name. A key
/// reaches only its own workspace's data whatever its scopes; the platform administrator's key has
/// no scope and manages workspaces and their keys only.
/// </summary>
public static class ApiScopes
{
    public const string EventsWrite = "events:write";
    public const string ConfigRead = "config:read";
    public const string ConfigWrite = "config:write";
    public const string DecisionsRead = "decisions:read";

    /// <summary>The policy of the platform administrator's key.</summary>
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> All = [EventsWrite, ConfigRead, ConfigWrite, DecisionsRead];

    /// <summary>The endpoint answers 403 to a key without <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoints, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(scope).ProducesProblem(StatusCodes.Status403Forbidden);
}
