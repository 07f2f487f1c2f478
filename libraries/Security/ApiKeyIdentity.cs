namespace AutoReply.Security;

/// <summary>A workspace's API key as a request presents it: who it is and what it may do.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, string Prefix, Guid WorkspaceId, IReadOnlyList<string> Scopes);

/// <summary>Finds the live key a request presents: null for a key that is unknown, revoked or expired.</summary>
public interface IApiKeyResolver
{
    /// <exception cref="ApiKeyCheckUnavailableException">The keys cannot be read right now.</exception>
    Task<ApiKeyIdentity?> ResolveAsync(string presentedKey, CancellationToken cancellationToken);
}

/// <summary>The key store does not answer: the request is refused with 503, not 401.</summary>
public sealed class ApiKeyCheckUnavailableException(string dependency, Exception? inner = null)
    : Exception($"The API keys cannot be checked: the {dependency} does not answer.", inner)
{
    public string Dependency { get; } = dependency;
}

/// <summary>The workspace every installation has: numbers from before workspaces, and the configured key's.</summary>
public static class DefaultWorkspace
{
    public static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public const string Name = "Default workspace";
}
