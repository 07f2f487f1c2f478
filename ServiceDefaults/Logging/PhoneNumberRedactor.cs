using Microsoft.Extensions.Compliance.Redaction;

namespace AutoReply.ServiceDefaults.Logging;

/// <summary>
/// Keeps the "+" with the first digit and the last two digits of a phone number ("+1*********99"):
/// enough for an operator to tell two contacts apart in one trace, not enough to call anyone.
/// </summary>
public sealed class PhoneNumberRedactor : Redactor
{
    private const int KeptPrefix = 2;
    private const int KeptSuffix = 2;

    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var keep = i < KeptPrefix || i >= source.Length - KeptSuffix;
            destination[i] = keep && source.Length > KeptPrefix + KeptSuffix + 2 ? source[i] : '*';
        }
        return source.Length;
    }
}
