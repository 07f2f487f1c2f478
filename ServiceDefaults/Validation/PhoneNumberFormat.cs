using PhoneNumbers;

namespace AutoReply.ServiceDefaults.Validation;

/// <summary>E.164 phone numbers, checked with libphonenumber's numbering plans.</summary>
public static class PhoneNumberFormat
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// True for a number written in canonical E.164 ("+14155550100") whose length is possible in
    /// its country's numbering plan. Fictional 555 numbers pass: they are possible, just unassigned.
    /// </summary>
    public static bool IsE164(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '+' || value.Length > 16 || !value.AsSpan(1).ContainsOnlyDigits())
        {
            return false;
        }
        try
        {
            var number = Numbers.Parse(value, null);
            return Numbers.IsPossibleNumber(number) && Numbers.Format(number, PhoneNumbers.PhoneNumberFormat.E164) == value;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public const string E164Hint = "must be an E.164 phone number such as +14155550100";
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');
}
