using System.Security.Cryptography;
using System.Text;
using AutoReply.Security;

namespace AutoReply.RulesApi.Workspaces;

/// <summary>
/// A workspace's key (<see cref="WorkspaceKeyShape"/>): a public prefix that finds the stored key,
/// then 256 random bits in 43 characters. SHA-256 is the right hash for a secret that random (a
/// slow password hash only protects secrets a person chose, which can be guessed).
/// </summary>
public static class ApiKeySecret
{
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int SecretBytes = 32;

    /// <summary>A new key: shown to its creator once, stored as <c>Prefix</c> and <c>Hash</c>.</summary>
    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = WorkspaceKeyShape.Marker + RandomNumberGenerator.GetString(PrefixAlphabet, WorkspaceKeyShape.PrefixIdLength);
        var key = $"{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(SecretBytes))}";
        return (key, prefix, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Proves(string presented, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(presented), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
