namespace AutoReply.Domain.Workspaces;

/// <summary>A business's own space: its numbers, auto-replies, decisions and keys are nobody else's.</summary>
public sealed class Workspace
{
    public const int MaxNameLength = 100;

    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
