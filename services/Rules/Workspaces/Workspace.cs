namespace AutoReply.Rules.Workspaces;

/// <summary>A business's own space: its numbers, auto-replies, decisions and keys are nobody else's.</summary>
public sealed class Workspace
{
    public required Guid Id { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
