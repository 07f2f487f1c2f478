using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace AutoReply.Security;

/// <summary>
/// A person signed in to the API (not a key): the service that keeps people recognises their token
/// and, for the workspace the request names in <see cref="WorkspaceHeader"/>, their role there.
/// </summary>
public interface IPersonAuthenticator
{
    /// <summary>The workspace a person's request acts in; without it, or where they are no member, they reach no workspace's data.</summary>
    public const string WorkspaceHeader = "AutoReply-Workspace";

    /// <summary>The person's identity, or null when the request carries no person's token.</summary>
    Task<ClaimsIdentity?> AuthenticateAsync(HttpContext context);
}
