namespace AutoReply.Contracts.Commands;

/// <summary>
/// Where commands go. A command is sent to its consumer's own exchange (bound to that consumer's
/// queue only) rather than published. Senders address the exchange, not the queue: a send to a
/// queue address declares the queue, with other arguments than the consumer's quorum queue.
/// </summary>
public static class Queues
{
    /// <summary>The sender's queue for <see cref="SendAutoReply"/>.</summary>
    public const string SendAutoReply = "send-auto-reply";

    public static Uri SendAutoReplyAddress { get; } = new($"exchange:{SendAutoReply}");
}
