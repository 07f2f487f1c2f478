using System.Text.Json.Serialization;

namespace AutoReply.Domain.Audit;

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
