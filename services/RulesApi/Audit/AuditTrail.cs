using System.Security.Claims;
using System.Text.Json;
using AutoReply.Security;
using AutoReply.Domain.Audit;
using AutoReply.Domain.Data;

namespace AutoReply.RulesApi.Audit;

/// <summary>
/// Adds a change's audit entry to the same unit of work as the change: the caller's
/// <c>SaveChangesAsync</c> writes both or neither.
/// </summary>
public sealed class AuditTrail(RulesDbContext db, TimeProvider clock)
{
    public void Record(ClaimsPrincipal actor, Guid workspaceId, AuditAction action, string target, object? before, object? after)
    {
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            At = now,
            Actor = actor.KeyName(),
            Action = action,
            Target = target,
            Before = Json(before),
            After = Json(after),
        });
    }

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web);
}
