using AutoReply.Messaging;

namespace AutoReply.Sender.Delivery;

/// <summary>
/// Status callbacks are applied 8 at a time. One that overtook the provider's answer to its send
/// is kept trying for <see cref="ProviderStatusConsumer.UnmatchedCallbackPatience"/>, whatever the
/// transient retry limit.
/// </summary>
public sealed class ProviderStatusConsumerDefinition : ConsumerPolicy<ProviderStatusConsumer>
{
    public const string Queue = "provider-status";

    public ProviderStatusConsumerDefinition()
        : base(Queue, concurrentMessageLimit: 8) => EarlyMessagePatience = ProviderStatusConsumer.UnmatchedCallbackPatience;
}
