namespace AutoReply.Web.AutoReplies;

public static class MessageLength
{
    /// <summary>
    /// "1 text · standard characters, up to 160 a text": what a message costs, as the rules API counts
    /// it (its encoding and segments), in an owner's words.
    /// </summary>
    public static string Describe(string? encoding, int? segments) =>
        $"{(segments == 1 ? "1 text" : $"{segments} texts joined")} · {encoding switch
        {
            "GSM-7" => "standard characters, up to 160 a text",
            "UCS-2" => "special characters such as emoji, up to 70 a text",
            _ => encoding,
        }}";
}
