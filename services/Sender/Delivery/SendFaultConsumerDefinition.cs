using AutoReply.Messaging;

namespace AutoReply.Sender.Delivery;

/// <summary>Sends whose retries ran out are settled 4 at a time: a provider outage brings them in bursts, each with one look-up.</summary>
public sealed class SendFaultConsumerDefinition() : ConsumerPolicy<SendFaultConsumer>(Queue, concurrentMessageLimit: 4)
{
    public const string Queue = "send-fault";
}
