using AutoReply.Messaging;

namespace AutoReply.Rules.OptOuts;

/// <summary>Provider opt-outs are rare; four at a time is plenty.</summary>
public sealed class ContactOptedOutConsumerDefinition() : ConsumerPolicy<ContactOptedOutConsumer>(Queue, concurrentMessageLimit: 4)
{
    public const string Queue = "contact-opted-out";
}
