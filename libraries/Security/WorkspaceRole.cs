using System.Text.Json.Serialization;

namespace AutoReply.Security;

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
