using System.Security.Claims;
using AutoReply.Contracts;
using AutoReply.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;

namespace AutoReply.RulesApi.People;

/// <summary>
/// A person's Identity bearer token (from <c>POST /v1/people/login</c>), and their role in the
/// workspace the request names: every role reads and changes numbers and auto-replies and reads
/// decisions; owners and admins also manage keys and people (<see cref="ApiClaims.ManagesWorkspace"/>).
/// </summary>
public sealed class PersonAuthenticator(RulesDbContext db) : IPersonAuthenticator
{
    private static readonly string[] PersonScopes = [ApiScopes.ConfigRead, ApiScopes.ConfigWrite, ApiScopes.DecisionsRead];

    public async Task<ClaimsIdentity?> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
        {
            return null;
        }

        List<Claim> claims = [new(ClaimTypes.Name, result.Principal.Identity?.Name ?? personId.ToString()), new(ApiClaims.Person, personId.ToString())];
        if (Guid.TryParse(context.Request.Headers[IPersonAuthenticator.WorkspaceHeader], out var workspaceId)
            && await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.PersonId == personId, context.RequestAborted) is { } membership)
        {
            claims.Add(new(ApiClaims.Workspace, workspaceId.ToString()));
            claims.Add(new(ApiClaims.WorkspaceRole, Vocabulary.Name(membership.Role)));
            claims.AddRange(PersonScopes.Select(scope => new Claim(ApiClaims.Scope, scope)));
        }
        return new ClaimsIdentity(claims);
    }
}
