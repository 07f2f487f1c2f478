using Microsoft.Extensions.Localization;

namespace AutoReply.Web.AutoReplies;

public static class MessageLength
{
    /// <summary>
    /// "1 text · standard characters, up to 160 a text": what a message costs, as the rules API counts
    /// it (its encoding and segments), in an owner's words.
    /// </summary>
    public static string Describe(IStringLocalizer t, string? encoding, int? segments) =>
        $"{(segments == 1 ? t["Length.OneText"] : t["Length.Texts", segments ?? 0])} · {encoding switch
        {
            "GSM-7" => t["Length.Standard"],
            "UCS-2" => t["Length.Special"],
            _ => encoding,
        }}";
}
