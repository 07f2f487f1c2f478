using System.Security.Claims;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Audit;
using AutoReply.Domain.Data;
using AutoReply.Domain.Workspaces;
using AutoReply.RulesApi.Audit;

namespace AutoReply.RulesApi.Workspaces;

/// <summary>
/// <c>/v1/workspaces</c> and their keys (docs/http-api.md). The platform administrator creates
/// workspaces and their first keys; a workspace's key with <c>config:write</c> manages its own
/// workspace's keys, giving no scope it lacks. Another workspace is 404, as if it did not exist.
/// </summary>
public static class WorkspaceEndpoints
{
    public const string CurrentKeyPath = "/v1/keys/current";

    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var workspaces = routes.MapGroup("/v1/workspaces").WithTags("Workspaces");
        workspaces.MapPost("", CreateAsync).WithSummary("Create a workspace (platform administrator)")
            .RequireAuthorization(ApiScopes.PlatformAdmin).ProducesProblem(StatusCodes.Status403Forbidden);
        workspaces.MapGet("", ListAsync).WithSummary("The workspaces the caller reaches: every one for the administrator, its own for a workspace's key, a person's memberships");
        workspaces.MapGet("/{workspaceId:guid}", GetAsync).WithSummary("One workspace")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var keys = workspaces.MapGroup("/{workspaceId:guid}/keys").WithTags("API keys");
        keys.MapPost("", CreateKeyAsync).WithSummary("Create a key; the answer is the only time the key is shown")
            .RequireAuthorization(ManageKeys(ApiScopes.ConfigWrite)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapGet("", ListKeysAsync).WithSummary("The workspace's keys, newest first: prefixes and metadata, never a key")
            .RequireAuthorization(ManageKeys(ApiScopes.ConfigRead)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapPost("/{keyId:guid}/rotate", RotateKeyAsync).WithSummary("Replace a key by a new one with the same name, scopes and expiry; the old one stops after the overlap")
            .RequireAuthorization(ManageKeys(ApiScopes.ConfigWrite)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapDelete("/{keyId:guid}", RevokeKeyAsync).WithSummary("Revoke a key: refused from now on")
            .RequireAuthorization(ManageKeys(ApiScopes.ConfigWrite)).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet(CurrentKeyPath, Current).WithTags("API keys")
            .WithSummary("The key this request is made with: its workspace and scopes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet(CurrentKeyPath + "/numbers/{phoneNumber}", MayPostForAsync).WithTags("API keys")
            .WithSummary("Whether events posted with this key for the number are taken: not for another workspace's number")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The administrator, a workspace's key with <paramref name="scope"/>, or an owner or admin of the workspace (never a member).</summary>
    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> ManageKeys(string scope) =>
        policy => policy.RequireAssertion(context => context.User.PersonId() is null
            ? context.User.IsPlatformAdmin() || context.User.HasClaim(ApiClaims.Scope, scope)
            : context.User.ManagesWorkspace());

    private static async Task<Results<Created<WorkspaceResponse>, ValidationProblem>> CreateAsync(
        CreateWorkspaceRequest? request, WorkspaceRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        var validated = validator.Validate(request);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        var now = clock.GetUtcNow();
        var workspace = new Workspace { Id = Guid.CreateVersion7(now), Name = validated.Value, CreatedAt = now };
        db.Workspaces.Add(workspace);
        audit.Record(user, workspace.Id, AuditAction.WorkspaceCreated, workspace.Id.ToString(), null, WorkspaceResponse.From(workspace));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspace.Id}", WorkspaceResponse.From(workspace));
    }

    private static async Task<Ok<List<WorkspaceResponse>>> ListAsync(ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken)
    {
        var personId = user.PersonId();
        var reachable = user.IsPlatformAdmin() ? db.Workspaces
            : personId is not null ? db.Workspaces.Where(w => db.Memberships.Any(m => m.WorkspaceId == w.Id && m.PersonId == personId))
            : db.Workspaces.Where(w => w.Id == user.WorkspaceId());
        var workspaces = await reachable.AsNoTracking().OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(workspaces.ConvertAll(WorkspaceResponse.From));
    }

    private static async Task<Results<Ok<WorkspaceResponse>, ProblemHttpResult>> GetAsync(Guid workspaceId, ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken)
    {
        var workspace = user.CanReach(workspaceId) ? await db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workspaceId, cancellationToken) : null;
        return workspace is null ? WorkspaceNotFound(workspaceId) : TypedResults.Ok(WorkspaceResponse.From(workspace));
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateKeyAsync(
        Guid workspaceId, CreateApiKeyRequest? request, WorkspaceRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        if (!await ReachableAsync(user, workspaceId, db, cancellationToken))
        {
            return WorkspaceNotFound(workspaceId);
        }
        var validated = validator.Validate(request, Grantable(user));
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }

        var (key, secret) = NewKey(workspaceId, validated.Value.Name, validated.Value.Scopes, validated.Value.ExpiresAt, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        audit.Record(user, workspaceId, AuditAction.KeyCreated, key.Prefix, null, ApiKeyResponse.From(key));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/keys/{key.Id}", CreatedApiKeyResponse.From(key, secret));
    }

    private static async Task<Results<Ok<List<ApiKeyResponse>>, ProblemHttpResult>> ListKeysAsync(Guid workspaceId, ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken)
    {
        if (!await ReachableAsync(user, workspaceId, db, cancellationToken))
        {
            return WorkspaceNotFound(workspaceId);
        }
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.WorkspaceId == workspaceId)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.ConvertAll(ApiKeyResponse.From));
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> RotateKeyAsync(
        Guid workspaceId, Guid keyId, RotateApiKeyRequest? request, WorkspaceRequestValidator validator, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        var now = clock.GetUtcNow();
        var old = await FindKeyAsync(user, workspaceId, keyId, db, cancellationToken);
        if (old is null || !old.IsLiveAt(now))
        {
            return KeyNotFound(keyId);
        }
        var validated = validator.Validate(request);
        if (!validated.IsValid)
        {
            return Problems.Invalid(validated.Errors);
        }
        if (old.Scopes.FirstOrDefault(scope => !Grantable(user).Contains(scope)) is { } withheld)
        {
            return Problems.Invalid("scopes", $"This API key does not have {withheld}, so it cannot rotate a key that has it.");
        }

        var (key, secret) = NewKey(workspaceId, old.Name, old.Scopes, old.ExpiresAt, now);
        var before = ApiKeyResponse.From(old);
        var stopsAt = now + validated.Value.Duration;
        old.RevokedAt = old.RevokedAt is { } revoked && revoked < stopsAt ? revoked : stopsAt;
        db.ApiKeys.Add(key);
        audit.Record(user, workspaceId, AuditAction.KeyRotated, old.Prefix, before, ApiKeyResponse.From(old));
        audit.Record(user, workspaceId, AuditAction.KeyCreated, key.Prefix, null, ApiKeyResponse.From(key));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/workspaces/{workspaceId}/keys/{key.Id}", CreatedApiKeyResponse.From(key, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        Guid workspaceId, Guid keyId, [AsParameters] AuditedChange change)
    {
        var (user, db, audit, clock, cancellationToken) = change;
        var key = await FindKeyAsync(user, workspaceId, keyId, db, cancellationToken);
        if (key is null)
        {
            return KeyNotFound(keyId);
        }
        var now = clock.GetUtcNow();
        if (key.RevokedAt is null || key.RevokedAt > now)
        {
            var before = ApiKeyResponse.From(key);
            key.RevokedAt = now;
            audit.Record(user, workspaceId, AuditAction.KeyRevoked, key.Prefix, before, ApiKeyResponse.From(key));
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Also how ingress checks the keys it is shown: rules answers for the key it was sent.</summary>
    private static Results<Ok<ApiKeyIdentity>, ProblemHttpResult> Current(ClaimsPrincipal user) =>
        user.WorkspaceId() is { } workspaceId && Guid.TryParse(user.FindFirstValue(ApiClaims.KeyId), out var keyId)
            ? TypedResults.Ok(new ApiKeyIdentity(keyId, user.KeyName(), workspaceId, [.. user.FindAll(ApiClaims.Scope).Select(c => c.Value)]))
            : Problems.NotFound("The platform administrator's key belongs to no workspace.");

    /// <summary>How ingress learns which numbers to refuse: 204 for the key's workspace's numbers and numbers nobody owns, 404 for another workspace's.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> MayPostForAsync(string phoneNumber, ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken)
    {
        if (user.WorkspaceId() is not { } workspaceId)
        {
            return Problems.NotFound("The platform administrator's key belongs to no workspace.");
        }
        var owner = await db.Numbers.Where(n => n.PhoneNumber == phoneNumber).Select(n => (Guid?)n.WorkspaceId).SingleOrDefaultAsync(cancellationToken);
        return owner is null || owner == workspaceId
            ? TypedResults.NoContent()
            : Problems.NotFound($"{phoneNumber} belongs to another workspace: events for it are not taken with this key.");
    }

    private static (ApiKey Key, string Secret) NewKey(Guid workspaceId, string name, List<string> scopes, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var (secret, prefix, hash) = ApiKeySecret.Generate();
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Name = name,
            Prefix = prefix,
            SecretHash = hash,
            Scopes = [.. scopes],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        }, secret);
    }

    /// <summary>The scopes the caller may give a key: all of them for whoever manages the workspace, else its own.</summary>
    private static IReadOnlyCollection<string> Grantable(ClaimsPrincipal user) =>
        user.ManagesWorkspace() ? [.. ApiScopes.All] : [.. user.FindAll(ApiClaims.Scope).Select(c => c.Value)];

    private static async Task<bool> ReachableAsync(ClaimsPrincipal user, Guid workspaceId, RulesDbContext db, CancellationToken cancellationToken) =>
        user.CanReach(workspaceId) && await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken);

    private static async Task<ApiKey?> FindKeyAsync(ClaimsPrincipal user, Guid workspaceId, Guid keyId, RulesDbContext db, CancellationToken cancellationToken) =>
        user.CanReach(workspaceId)
            ? await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.WorkspaceId == workspaceId, cancellationToken)
            : null;

    public static ProblemHttpResult WorkspaceNotFound(Guid workspaceId) => Problems.NotFound($"No workspace {workspaceId} is reachable with this key or sign-in.");

    private static ProblemHttpResult KeyNotFound(Guid keyId) => Problems.NotFound($"No live API key {keyId} in this workspace.");
}
