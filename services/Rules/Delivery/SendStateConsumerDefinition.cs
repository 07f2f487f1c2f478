using AutoReply.Messaging;

namespace AutoReply.Rules.Delivery;

/// <summary>Delivery states are copied onto decisions 8 at a time; the row version settles two changes of one decision.</summary>
public sealed class SendStateConsumerDefinition() : ConsumerPolicy<SendStateConsumer>(Queue, concurrentMessageLimit: 8)
{
    public const string Queue = "send-state";
}
