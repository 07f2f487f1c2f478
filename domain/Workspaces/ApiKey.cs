
namespace AutoReply.Domain.Workspaces;

/// <summary>
/// A workspace's API key as stored: its prefix, which finds it, and a hash of the whole key, which
/// proves it. The key itself is shown once, when it is created, and never stored.
/// </summary>
public sealed class ApiKey
{
    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required string Name { get; init; }

    /// <summary>The key's first characters (<c>ark_…</c>): listed, logged and audited in its place.</summary>
    public required string Prefix { get; init; }

    public required byte[] SecretHash { get; init; }

    public required List<string> Scopes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>From when the key is refused: now for a revoked key, later for one rotated with an overlap.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsLiveAt(DateTimeOffset now) => (RevokedAt is null || RevokedAt > now) && (ExpiresAt is null || ExpiresAt > now);
}
