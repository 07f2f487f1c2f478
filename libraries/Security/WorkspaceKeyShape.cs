namespace AutoReply.Security;

/// <summary>
/// What a workspace's key looks like, <c>ark_&lt;10 characters&gt;_&lt;secret&gt;</c>: the service that
/// issues keys and every service that checks them tell one from anything else without a lookup.
/// </summary>
public static class WorkspaceKeyShape
{
    public const string Marker = "ark_";
    public const int PrefixIdLength = 10;
    public static int PrefixLength => Marker.Length + PrefixIdLength;

    /// <summary>The prefix of something shaped like a key; false for anything else, which is then no workspace's key at all.</summary>
    public static bool TryReadPrefix(string presented, out string prefix)
    {
        prefix = presented.Length > PrefixLength + 1 && presented.StartsWith(Marker, StringComparison.Ordinal) && presented[PrefixLength] == '_'
            ? presented[..PrefixLength]
            : "";
        return prefix.Length > 0;
    }
}
