using AutoReply.Messaging;
using MassTransit;

namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Events are evaluated in batches of up to <see cref="BatchSize"/> of one type, gathered for at most
/// <see cref="BatchWindow"/>, <see cref="ConcurrentBatches"/> batches of a type at once per replica:
/// a batch costs about as many round trips as one event, so the cost per event falls as load
/// rises, while a lone event waits no longer than the window. One contact's events are kept apart
/// by the cooldown claim and the decision's unique event id, not by order.
/// </summary>
public sealed class CommunicationEventConsumerDefinition() : ConsumerPolicy<CommunicationEventConsumer>(Queue, concurrentMessageLimit: BatchSize * ConcurrentBatches)
{
    public const string Queue = "communication-event";

    public const int BatchSize = 100;

    public const int ConcurrentBatches = 4;

    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CommunicationEventConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(BatchWindow)
            .SetConcurrencyLimit(ConcurrentBatches));
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
    }
}
