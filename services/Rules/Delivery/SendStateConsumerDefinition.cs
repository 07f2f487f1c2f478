using AutoReply.Messaging;

namespace AutoReply.Rules.Delivery;

/// <summary>
/// Delivery states are copied onto decisions in batches of up to <see cref="BatchSize"/>, gathered for
/// at most <see cref="BatchWindow"/>, one batch at a time per replica: one read and one save for all of
/// them. Two replicas changing one decision at once meet on its row version, and the retry reads it again.
/// </summary>
public sealed class SendStateConsumerDefinition()
    : BatchConsumerPolicy<SendStateConsumer>(Queue, BatchSize, BatchWindow, ConcurrentBatches)
{
    public const string Queue = "send-state";

    public const int BatchSize = 100;

    public const int ConcurrentBatches = 1;

    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);
}
