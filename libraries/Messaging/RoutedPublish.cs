using MassTransit;

namespace AutoReply.Messaging;

public static class RoutedPublish
{
    /// <summary>
    /// Publishes <paramref name="message"/> (as its runtime type) with RabbitMQ's mandatory flag: a
    /// message no queue is bound for yet (the consumer never started on this broker) is returned
    /// and this call throws <see cref="MessageReturnedException"/>, instead of the broker
    /// confirming and dropping it. Callers can then refuse the event instead of losing it.
    /// </summary>
    public static Task PublishRoutedAsync(this IPublishEndpoint bus, object message, CancellationToken cancellationToken = default) =>
        bus.PublishRoutedAsync(message, _ => { }, cancellationToken);

    /// <inheritdoc cref="PublishRoutedAsync(IPublishEndpoint, object, CancellationToken)"/>
    public static Task PublishRoutedAsync(this IPublishEndpoint bus, object message, Action<PublishContext> configure, CancellationToken cancellationToken = default) =>
        bus.Publish(message, context =>
        {
            context.Mandatory = true;
            configure(context);
        }, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> (as its runtime type) to an exchange address with the mandatory flag, for the same
    /// reason: before its consumer's queue is bound (the consumer never started on this broker)
    /// the message is returned and this call throws <see cref="MessageReturnedException"/>.
    /// </summary>
    public static Task SendRoutedAsync(this ISendEndpoint endpoint, object message, CancellationToken cancellationToken = default) =>
        endpoint.Send(message, (SendContext context) =>
        {
            if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
            {
                rabbit.Mandatory = true;
            }
        }, cancellationToken);
}
