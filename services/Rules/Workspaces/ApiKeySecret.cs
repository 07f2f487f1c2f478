using System.Security.Cryptography;
using System.Text;

namespace AutoReply.Rules.Workspaces;

/// <summary>
/// The shape of a workspace's key, <c>ark_&lt;10 characters&gt;_&lt;43 characters&gt;</c>: a public prefix
/// that finds the stored key, then 256 random bits. SHA-256 is the right hash for a secret that
/// random (a slow password hash only protects secrets a person chose, which can be guessed).
/// </summary>
public static class ApiKeySecret
{
    private const string Marker = "ark_";
    private const int PrefixIdLength = 10;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int SecretBytes = 32;

    public static int PrefixLength => Marker.Length + PrefixIdLength;

    /// <summary>A new key: shown to its creator once, stored as <c>Prefix</c> and <c>Hash</c>.</summary>
    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Marker + RandomNumberGenerator.GetString(PrefixAlphabet, PrefixIdLength);
        var key = $"{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(SecretBytes))}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix of something shaped like a key; false for anything else, which is then no key at all.</summary>
    public static bool TryReadPrefix(string presented, out string prefix)
    {
        prefix = presented.Length > PrefixLength + 1 && presented.StartsWith(Marker, StringComparison.Ordinal) && presented[PrefixLength] == '_'
            ? presented[..PrefixLength]
            : "";
        return prefix.Length > 0;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Proves(string presented, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(presented), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
