using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutoReply.Messaging;

/// <summary>
/// A consumer's endpoint policy, declared in the definition beside it: its queue, how many messages
/// it handles at once, and its retries. Transient failures (the database, Redis, the provider) are
/// retried in process with exponential back-off, <see cref="MessagingOptions.RetryLimit"/> times;
/// then MassTransit publishes a <c>Fault&lt;T&gt;</c> and the message waits in the endpoint's error queue.
/// Retries stay in process because Debian's RabbitMQ ships without the delayed-message exchange
/// that broker-side redelivery needs.
/// </summary>
public abstract class ConsumerPolicy<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private static readonly TimeSpan EarlyMessageInterval = TimeSpan.FromSeconds(5);

    protected ConsumerPolicy(string endpointName, int concurrentMessageLimit)
    {
        EndpointName = endpointName;
        ConcurrentMessageLimit = concurrentMessageLimit;
        // As many unacknowledged messages as the consumer takes at once: MassTransit's default
        // (twice the cores, at most 16) would starve a batch consumer on a small machine.
        Endpoint(endpoint =>
        {
            endpoint.Name = endpointName;
            endpoint.ConcurrentMessageLimit = concurrentMessageLimit;
            endpoint.PrefetchCount = concurrentMessageLimit;
        });
    }

    /// <summary>
    /// How long a message that came before what it depends on (<see cref="MessageArrivedEarlyException"/>)
    /// is kept trying; zero for consumers that never wait.
    /// </summary>
    protected TimeSpan EarlyMessagePatience { get; init; }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (EarlyMessagePatience > TimeSpan.Zero)
        {
            // A retry filter of its own, so how long an early message waits never depends on RetryLimit.
            var attempts = (int)Math.Ceiling(EarlyMessagePatience / EarlyMessageInterval) + 1;
            endpointConfigurator.UseMessageRetry(retry =>
            {
                retry.Handle<MessageArrivedEarlyException>();
                retry.Interval(attempts, EarlyMessageInterval);
            });
        }

        var retryLimit = context.GetRequiredService<IOptions<MessagingOptions>>().Value.RetryLimit;
        if (retryLimit == 0)
        {
            // MassTransit's exponential policy cannot be built for no retries (it fails on every message).
            return;
        }
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<MessageArrivedEarlyException>();
            retry.Exponential(retryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        });
    }
}

/// <summary>
/// The message is about something not recorded yet (a status callback that overtook its send):
/// retried for its consumer's <c>EarlyMessagePatience</c>, apart from transient failures.
/// </summary>
public sealed class MessageArrivedEarlyException(string message) : Exception(message);

/// <summary>
/// The policy of a consumer of <c>Batch&lt;T&gt;</c>: up to <paramref name="batchSize"/> messages of a
/// type gathered for at most <paramref name="batchWindow"/>, <paramref name="concurrentBatches"/>
/// batches at once, and as many messages prefetched as that takes.
/// </summary>
public abstract class BatchConsumerPolicy<TConsumer>(string endpointName, int batchSize, TimeSpan batchWindow, int concurrentBatches)
    : ConsumerPolicy<TConsumer>(endpointName, concurrentMessageLimit: batchSize * concurrentBatches)
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(batchSize)
            .SetTimeLimit(batchWindow)
            .SetConcurrencyLimit(concurrentBatches));
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
    }
}
