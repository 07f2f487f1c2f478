using AutoReply.Security;

namespace AutoReply.Domain.People;

/// <summary>A person's place in a workspace.</summary>
public sealed class Membership
{
    public required Guid WorkspaceId { get; init; }

    public required Guid PersonId { get; init; }

    public required WorkspaceRole Role { get; set; }

    public DateTimeOffset AddedAt { get; init; }
}
