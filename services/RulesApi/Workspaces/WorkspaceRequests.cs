using System.Globalization;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using AutoReply.ServiceDefaults.Validation;
using AutoReply.Domain.Numbers;
using AutoReply.Domain.Workspaces;

namespace AutoReply.RulesApi.Workspaces;

public sealed record CreateWorkspaceRequest(string? Name) : IOpenApiExample<CreateWorkspaceRequest>
{
    public static CreateWorkspaceRequest Example => new("Acme Dental");
}

public sealed record WorkspaceResponse(Guid Id, string Name, DateTimeOffset CreatedAt)
{
    public static WorkspaceResponse From(Workspace workspace) => new(workspace.Id, workspace.Name, workspace.CreatedAt);
}

public sealed record CreateApiKeyRequest(string? Name, string[]? Scopes, DateTimeOffset? ExpiresAt) : IOpenApiExample<CreateApiKeyRequest>
{
    public static CreateApiKeyRequest Example => new("PBX event publisher", [ApiScopes.EventsWrite], DateTimeOffset.Parse("2027-11-24T00:00:00Z", CultureInfo.InvariantCulture));
}

public sealed record RotateApiKeyRequest(string? Overlap) : IOpenApiExample<RotateApiKeyRequest>
{
    public static RotateApiKeyRequest Example => new("PT1H");
}

/// <summary>A key as listed: its prefix and metadata, never the key.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    Guid WorkspaceId,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.WorkspaceId, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt, key.RevokedAt);
}

/// <summary>A key just created or rotated: the one answer that carries <see cref="Key"/>.</summary>
public sealed record CreatedApiKeyResponse(
    Guid Id,
    Guid WorkspaceId,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string Key)
{
    public static CreatedApiKeyResponse From(ApiKey key, string secret) =>
        new(key.Id, key.WorkspaceId, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt, secret);
}

public sealed record ValidApiKeyRequest(string Name, List<string> Scopes, DateTimeOffset? ExpiresAt);

/// <summary>The bodies of the workspace and key endpoints.</summary>
public sealed class WorkspaceRequestValidator(TimeProvider clock)
{
    public const int MaxNameLength = Workspace.MaxNameLength;

    /// <summary>Longest a rotated key stays valid beside its replacement.</summary>
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(7);

    public Validated<string> Validate(CreateWorkspaceRequest? request)
    {
        var errors = new FieldErrors();
        var name = ValidName(request?.Name, errors);
        return errors.Result(() => name);
    }

    /// <param name="grantable">The scopes the caller may hand out: its own, or all of them for the administrator.</param>
    public Validated<ValidApiKeyRequest> Validate(CreateApiKeyRequest? request, IReadOnlyCollection<string> grantable)
    {
        var errors = new FieldErrors();
        var name = ValidName(request?.Name, errors);
        var scopes = request?.Scopes ?? [];
        if (scopes.Length == 0 || scopes.Any(scope => !ApiScopes.All.Contains(scope)) || scopes.Distinct().Count() != scopes.Length)
        {
            errors.Add("scopes", $"scopes must list one or more of {string.Join(", ", ApiScopes.All)}, each once.");
        }
        else if (scopes.FirstOrDefault(scope => !grantable.Contains(scope)) is { } withheld)
        {
            errors.Add("scopes", $"This API key does not have {withheld}, so it cannot give it to another key.");
        }
        if (request?.ExpiresAt is { } expiresAt && expiresAt <= clock.GetUtcNow())
        {
            errors.Add("expiresAt", "expiresAt must be in the future (or absent for a key that does not expire).");
        }
        return errors.Result(() => new ValidApiKeyRequest(name, [.. scopes], request?.ExpiresAt));
    }

    public Validated<Overlap> Validate(RotateApiKeyRequest? request)
    {
        var errors = new FieldErrors();
        var overlap = request?.Overlap is null ? TimeSpan.Zero : IsoDuration.Parse(request.Overlap);
        if (overlap is null || overlap < TimeSpan.Zero || overlap > MaxOverlap)
        {
            errors.Add("overlap", "overlap must be an ISO-8601 duration from PT0S to P7D: how long the old key keeps working.");
        }
        return errors.Result(() => new Overlap(overlap!.Value));
    }

    private static string ValidName(string? name, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"name is required, at most {MaxNameLength} characters.");
        }
        return name?.Trim() ?? "";
    }
}

public sealed record Overlap(TimeSpan Duration);
