namespace AutoReply.Domain.Audit;

/// <summary>One configuration change: who made it, what it changed, and the thing before and after.</summary>
public sealed class AuditEntry
{
    public required Guid Id { get; init; }

    public required Guid WorkspaceId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The key's prefix (or <c>configured-key</c>, <c>platform-admin</c>): never the key.</summary>
    public required string Actor { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>What changed: a phone number, an auto-reply's id, a key's prefix, a workspace's id.</summary>
    public required string Target { get; init; }

    /// <summary>The thing as the API showed it before the change (JSON); none for a creation.</summary>
    public string? Before { get; init; }

    /// <summary>The thing as the API shows it after the change (JSON); none for a deletion.</summary>
    public string? After { get; init; }
}
