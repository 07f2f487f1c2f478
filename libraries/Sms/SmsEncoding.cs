namespace AutoReply.Sms;

/// <summary>How a text travels over SMS: its encoding and how many segments it is billed as.</summary>
public sealed record SmsLength(string Encoding, int Segments, int Units);

/// <summary>
/// GSM 03.38 counting: a text that fits the GSM-7 alphabet goes as 7-bit septets (160 in one
/// segment, 153 per segment once split, extension characters taking two), anything else as UCS-2
/// (70, then 67 per segment). A segment never splits an escape pair or a surrogate pair.
/// </summary>
public static class SmsEncoding
{
    public const string Gsm7 = "GSM-7";
    public const string Ucs2 = "UCS-2";

    private const string BasicAlphabet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string ExtensionAlphabet = "\f^{}\\[~]|€";

    private static readonly HashSet<char> Basic = [.. BasicAlphabet];
    private static readonly HashSet<char> Extension = [.. ExtensionAlphabet];

    public static SmsLength Measure(string text)
    {
        return text.All(c => Basic.Contains(c) || Extension.Contains(c))
            ? new SmsLength(Gsm7, CountSegments(text, single: 160, multi: 153, GsmWidth), text.Sum(GsmWidth))
            : new SmsLength(Ucs2, CountSegments(text, single: 70, multi: 67, Ucs2Width), text.Length);
    }

    private static int GsmWidth(char c) => Extension.Contains(c) ? 2 : 1;

    private static int Ucs2Width(char c) => 1;

    private static int CountSegments(string text, int single, int multi, Func<char, int> width)
    {
        var total = text.Sum(width);
        if (total <= single)
        {
            return 1;
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // A surrogate pair (UCS-2) or an escape pair (GSM-7) must land in one segment.
            var unit = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : width(text[i]);
            if (used + unit > multi)
            {
                segments++;
                used = 0;
            }
            used += unit;
            if (unit == 2 && char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }
        return segments;
    }
}
