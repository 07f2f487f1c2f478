using System.Security.Claims;
using System.Text.Json;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Security;
using AutoReply.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Audit;
using AutoReply.Domain.Data;

namespace AutoReply.RulesApi.Audit;

public sealed record AuditEntryResponse(
    Guid Id,
    DateTimeOffset At,
    string Actor,
    AuditAction Action,
    string Target,
    JsonElement? Before,
    JsonElement? After);

/// <summary><c>GET /v1/audit</c>: the workspace's configuration changes, newest first, paged.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/audit", ListAsync).WithTags("Audit")
            .WithSummary("Who changed what in the workspace's configuration, and when: newest first")
            .RequireScope(ApiScopes.ConfigRead);
        return routes;
    }

    private static async Task<Results<Ok<List<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, RulesDbContext db, CancellationToken cancellationToken, int limit = Paging.DefaultLimit, int offset = 0)
    {
        var page = Paging.Validate(limit, offset);
        if (!page.IsValid)
        {
            return Problems.Invalid(page.Errors);
        }

        var workspaceId = user.RequiredWorkspaceId();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page.Value.Offset).Take(page.Value.Limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.ConvertAll(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action, e.Target, Parse(e.Before), Parse(e.After))));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
