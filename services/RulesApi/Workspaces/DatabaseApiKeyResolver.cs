using AutoReply.Security;
using Microsoft.EntityFrameworkCore;
using AutoReply.Domain.Data;
using AutoReply.Domain.Workspaces;

namespace AutoReply.RulesApi.Workspaces;

/// <summary>The rules service checks a workspace's key against its own table, on every request: a revoked key is refused at once.</summary>
public sealed class DatabaseApiKeyResolver(RulesDbContext db, TimeProvider clock) : IApiKeyResolver
{
    public const string Dependency = "database";

    public async Task<ApiKeyIdentity?> ResolveAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!WorkspaceKeyShape.TryReadPrefix(presentedKey, out var prefix))
        {
            return null;
        }

        ApiKey? key;
        try
        {
            key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        }
        catch (Exception ex) when (ex.IsDatabaseOutage())
        {
            throw new ApiKeyCheckUnavailableException(Dependency, ex);
        }
        return key is not null && ApiKeySecret.Proves(presentedKey, key.SecretHash) && key.IsLiveAt(clock.GetUtcNow())
            ? new ApiKeyIdentity(key.Id, key.Prefix, key.WorkspaceId, key.Scopes)
            : null;
    }
}
