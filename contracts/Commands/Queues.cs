namespace AutoReply.Contracts.Commands;

/// <summary>
/// Where commands go. A command is sent to its consumer's own exchange (bound to that consumer's
/// queue only) rather than published. Senders address the exchange, not the queue: a send to a
/// queue address declares the queue, with other arguments than the consumer's quorum queue.
/// </summary>
public static class Queues
{
    /// <summary>The sender's queue for <see cref="SendAutoReply"/>, and the fanout exchange of that name bound to it alone.</summary>
    public const string SendAutoReply = "send-auto-reply";

    /// <summary>The address rules sends <see cref="SendAutoReply"/> to: the exchange <see cref="SendAutoReply"/> (MassTransit's <c>exchange:</c> address).</summary>
    public static Uri SendAutoReplyAddress { get; } = new($"exchange:{SendAutoReply}");
}
