using System.Text.Json.Serialization;

namespace AutoReply.Contracts;

/// <summary>A configuration change, as the audit log names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    [JsonStringEnumMemberName("workspace.created")] WorkspaceCreated,
    [JsonStringEnumMemberName("number.created")] NumberCreated,
    [JsonStringEnumMemberName("number.updated")] NumberUpdated,
    [JsonStringEnumMemberName("number.deleted")] NumberDeleted,
    [JsonStringEnumMemberName("auto_reply.created")] AutoReplyCreated,
    [JsonStringEnumMemberName("auto_reply.updated")] AutoReplyUpdated,
    [JsonStringEnumMemberName("auto_reply.deleted")] AutoReplyDeleted,
    [JsonStringEnumMemberName("key.created")] KeyCreated,
    [JsonStringEnumMemberName("key.rotated")] KeyRotated,
    [JsonStringEnumMemberName("key.revoked")] KeyRevoked,
    [JsonStringEnumMemberName("member.added")] MemberAdded,
    [JsonStringEnumMemberName("member.removed")] MemberRemoved,
}

/// <summary>A person's role in a workspace.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkspaceRole>))]
public enum WorkspaceRole
{
    /// <summary>Everything an admin may do, and makes or removes other owners.</summary>
    [JsonStringEnumMemberName("owner")] Owner,

    /// <summary>Manages the workspace's configuration, its API keys and its members (not its owners).</summary>
    [JsonStringEnumMemberName("admin")] Admin,

    /// <summary>Manages the workspace's numbers and auto-replies and reads its decisions; no keys, no people.</summary>
    [JsonStringEnumMemberName("member")] Member,
}
