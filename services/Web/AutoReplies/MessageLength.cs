namespace AutoReply.Web.AutoReplies;

public static class MessageLength
{
    /// <summary>"GSM-7 · 1 segment": what a text costs, as the rules API counts it.</summary>
    public static string Describe(string? encoding, int? segments) => $"{encoding} · {(segments == 1 ? "1 segment" : $"{segments} segments")}";
}
