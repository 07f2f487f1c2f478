namespace AutoReply.Web.AutoReplies;

/// <summary>The auto-reply form as posted: its message and its delay (the slot is in the page's address, and fixed once created).</summary>
public sealed class AutoReplyInput
{
    /// <summary>The delays the form offers, as the API writes them: none, up to the ten minutes it allows.</summary>
    public static readonly string[] Delays = ["PT0S", "PT30S", "PT1M", "PT2M", "PT5M", "PT10M"];

    public string Message { get; set; } = "";

    public string Delay { get; set; } = "PT0S";
}
