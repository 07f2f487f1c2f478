namespace AutoReply.Web.AutoReplies;

/// <summary>The auto-reply form as posted: its message and its delay (the slot is in the page's address, and fixed once created).</summary>
public sealed class AutoReplyInput
{
    public string Message { get; set; } = "";

    public string Delay { get; set; } = "";
}
