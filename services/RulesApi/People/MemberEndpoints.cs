using System.Security.Claims;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Audit;
using AutoReply.Domain.Data;
using AutoReply.Domain.People;
using AutoReply.RulesApi.Audit;
using AutoReply.RulesApi.Workspaces;

namespace AutoReply.RulesApi.People;

public sealed record AddMemberRequest(string? Email, string? Role, string? Password) : IOpenApiExample<AddMemberRequest>
{
    public static AddMemberRequest Example => new("front-desk@acme-dental.example", "member", "a long first password");
}

public sealed record MemberResponse(Guid PersonId, string Email, WorkspaceRole Role, DateTimeOffset AddedAt);

/// <summary>
/// <c>/v1/workspaces/{workspaceId}/members</c>: who may sign in to the workspace, and as what. Owners
/// and admins (and the platform administrator) add and remove people; only an owner adds or removes
/// an owner, and the last owner stays.
/// </summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/v1/workspaces/{workspaceId:guid}/members").WithTags("Members");
        members.MapGet("", ListAsync).WithSummary("The workspace's members")
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapPost("", AddAsync).WithSummary("Add a person (a new one with a first password, or an existing one by email) with a role")
            .RequireAuthorization(policy => policy.RequireAssertion(context => context.User.ManagesWorkspace()))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        members.MapDelete("/{personId:guid}", RemoveAsync).WithSummary("Remove a person from the workspace: they reach it no more")
            .RequireAuthorization(policy => policy.RequireAssertion(context => context.User.ManagesWorkspace()))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static Dictionary<string, string[]> PasswordErrors(IdentityResult result) =>
        new() { ["password"] = [.. result.Errors.Select(e => e.Description)] };

    private static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> ListAsync(Guid workspaceId, ClaimsPrincipal user, RulesDbContext db, SchemaDbContext people, CancellationToken cancellationToken)
    {
        if (!user.CanReach(workspaceId))
        {
            return WorkspaceEndpoints.WorkspaceNotFound(workspaceId);
        }
        var members = await MembersAsync(db.Memberships.Where(m => m.WorkspaceId == workspaceId), people, cancellationToken);
        return TypedResults.Ok(members.OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid workspaceId, AddMemberRequest? request, MemberRequestValidator validator, UserManager<Person> people, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        if (!user.CanReach(workspaceId) || !await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken))
        {
            return WorkspaceEndpoints.WorkspaceNotFound(workspaceId);
        }
        var validated = validator.Validate(request, IsOwnerOrAdministrator(user));
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var (email, role, password) = validated.Value;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await people.FindByEmailAsync(email);
        if (person is null)
        {
            if (password is null)
            {
                return Problems.Invalid("password", "password is required for a person who has no account yet: their first password.");
            }
            person = new Person { Id = Guid.CreateVersion7(clock.GetUtcNow()), UserName = email, Email = email };
            var created = await people.CreateAsync(person, password);
            if (!created.Succeeded)
            {
                return Problems.Invalid(PasswordErrors(created));
            }
        }
        if (await db.Memberships.AnyAsync(m => m.WorkspaceId == workspaceId && m.PersonId == person.Id, cancellationToken))
        {
            return Problems.Conflict($"{person.Email} is already a member of this workspace; remove them first to change their role.");
        }

        var membership = new Membership { WorkspaceId = workspaceId, PersonId = person.Id, Role = role, AddedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);
        var body = new MemberResponse(person.Id, person.Email!, role, membership.AddedAt);
        audit.Record(user, workspaceId, AuditAction.MemberAdded, person.Email!, null, body);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/members/{person.Id}", body);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid workspaceId, Guid personId, SchemaDbContext people, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, _, cancellationToken) = change;
        var member = user.CanReach(workspaceId)
            ? (await MembersAsync(db.Memberships.Where(m => m.WorkspaceId == workspaceId && m.PersonId == personId), people, cancellationToken)).SingleOrDefault()
            : null;
        if (member is null)
        {
            return Problems.NotFound($"No member {personId} in this workspace.");
        }
        if (member.Role == WorkspaceRole.Owner)
        {
            if (!IsOwnerOrAdministrator(user))
            {
                return Problems.Forbidden("Only an owner can remove an owner.");
            }
            if (await db.Memberships.CountAsync(m => m.WorkspaceId == workspaceId && m.Role == WorkspaceRole.Owner, cancellationToken) == 1)
            {
                return Problems.Conflict("This is the workspace's last owner: make someone else an owner first.");
            }
        }

        db.Memberships.Remove(new Membership { WorkspaceId = workspaceId, PersonId = personId, Role = member.Role });
        audit.Record(user, workspaceId, AuditAction.MemberRemoved, member.Email, member, null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another request after we read it.
            return Problems.NotFound($"No member {personId} in this workspace.");
        }
        return TypedResults.NoContent();
    }

    /// <summary>The memberships with their people's addresses: the people are in the schema's Identity tables, which the rules' context does not map.</summary>
    private static async Task<List<MemberResponse>> MembersAsync(IQueryable<Membership> memberships, SchemaDbContext people, CancellationToken cancellationToken)
    {
        var found = await memberships.AsNoTracking().ToListAsync(cancellationToken);
        List<Guid> ids = [.. found.Select(m => m.PersonId)];
        var emails = await people.Users.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Email!, cancellationToken);
        return [.. found.Where(m => emails.ContainsKey(m.PersonId)).Select(m => new MemberResponse(m.PersonId, emails[m.PersonId], m.Role, m.AddedAt))];
    }

    private static bool IsOwnerOrAdministrator(ClaimsPrincipal user) => user.IsPlatformAdmin() || user.RoleInWorkspace() == WorkspaceRole.Owner;
}
