using System.Security.Claims;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AutoReply.Domain.Data;
using AutoReply.Domain.People;

namespace AutoReply.RulesApi.People;

public sealed record SignInRequest(string? Email, string? Password) : IOpenApiExample<SignInRequest>
{
    public static SignInRequest Example => new("owner@example.com", "correct horse battery staple");
}

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record PersonWorkspace(Guid WorkspaceId, string Name, WorkspaceRole Role);

public sealed record PersonResponse(Guid Id, string Email, List<PersonWorkspace> Workspaces);

/// <summary>
/// <c>/v1/people</c>: a person signs in with email and password and calls the rules API with the
/// bearer token it gets, naming the workspace it acts in with the <c>AutoReply-Workspace</c> header.
/// Repeated wrong passwords lock the account for a while.
/// </summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder routes)
    {
        var people = routes.MapGroup("/v1/people").WithTags("People");
        people.MapPost("/login", SignInAsync).AllowAnonymous()
            .WithSummary("Sign in: a bearer token (an hour) and a refresh token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        people.MapPost("/refresh", RefreshAsync).AllowAnonymous()
            .WithSummary("A new bearer token for a refresh token, while the person's password is unchanged")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        people.MapGet("/me", MeAsync).WithSummary("The signed-in person and their workspaces")
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPost("/me/password", ChangePasswordAsync).WithSummary("Change one's password; other sessions' refresh tokens stop working")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> SignInAsync(SignInRequest? request, SignInManager<Person> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var person = string.IsNullOrEmpty(request?.Email) ? null : await signIn.UserManager.FindByEmailAsync(request.Email);
        var result = person is null || string.IsNullOrEmpty(request?.Password)
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer token handler has written the tokens as the answer.
            return TypedResults.Empty;
        }
        return Unauthorized(result.IsLockedOut
            ? $"Too many wrong passwords: the account is locked for {PeopleRegistration.LockoutTime.TotalMinutes:0} minutes."
            : "The email or the password is not right.");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest? request, SignInManager<Person> signIn, IOptionsMonitor<BearerTokenOptions> tokens, TimeProvider clock)
    {
        var ticket = string.IsNullOrEmpty(request?.RefreshToken)
            ? null
            : tokens.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // A refresh token stops working when it expires or the person's security stamp changed (a new password).
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } person)
        {
            return Unauthorized("The refresh token is not valid any more: sign in again.");
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(person), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, RulesDbContext db, SchemaDbContext people, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId || await people.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) is not { } person)
        {
            return NotAPerson();
        }
        var workspaces = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new PersonWorkspace(w.Id, w.Name, m.Role))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PersonResponse(person.Id, person.Email!, [.. workspaces.OrderBy(w => w.Name, StringComparer.CurrentCulture)]));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest? request, ClaimsPrincipal user, UserManager<Person> people)
    {
        if (user.PersonId() is not { } personId || await people.FindByIdAsync(personId.ToString()) is not { } person)
        {
            return NotAPerson();
        }
        var changed = await people.ChangePasswordAsync(person, request?.CurrentPassword ?? "", request?.NewPassword ?? "");
        return changed.Succeeded ? TypedResults.NoContent() : Problems.Invalid(MemberEndpoints.PasswordErrors(changed));
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);

    private static ProblemHttpResult NotAPerson() => Problems.NotFound("This request is made with an API key, not by a signed-in person.");
}
