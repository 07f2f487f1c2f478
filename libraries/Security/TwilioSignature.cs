using System.Security.Cryptography;
using System.Text;

namespace AutoReply.Security;

/// <summary>
/// The provider's request signature (<c>X-Twilio-Signature</c>): HMAC-SHA1, keyed with the auth
/// token, over the full URL the request was sent to followed by every POST field sorted by name,
/// each written as name then value with no separator; base64-encoded.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formFields)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(formFields);

        var signed = new StringBuilder(url);
        // A repeated field is signed once per value, the values in order too, as the provider's own libraries do.
        foreach (var field in formFields.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            signed.Append(field.Key).Append(field.Value);
        }

#pragma warning disable CA5350 // SHA-1 is what the provider signs with; the choice is not ours.
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(signed.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> formFields, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(Compute(authToken, url, formFields));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature));
    }
}
