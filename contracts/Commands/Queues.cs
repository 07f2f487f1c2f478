namespace AutoReply.Contracts.Commands;

/// <summary>Where commands go. Commands are sent to one queue, not published, so none is lost before its consumer first starts.</summary>
public static class Queues
{
    /// <summary>The sender's queue for <see cref="SendAutoReply"/>.</summary>
    public const string SendAutoReply = "send-auto-reply";

    public static Uri SendAutoReplyAddress { get; } = new($"queue:{SendAutoReply}");
}
