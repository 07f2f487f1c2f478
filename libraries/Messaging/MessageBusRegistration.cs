using AutoReply.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>The bus wiring every service shares: RabbitMQ from <c>ConnectionStrings__rabbitmq</c>.</summary>
public static class MessageBusRegistration
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// RabbitMQ with publisher confirms (a publish completes only once the broker has the message),
    /// persistent messages (MassTransit's default) on quorum queues (written to disk before the broker
    /// confirms, so what it acknowledged survives its crash), and the error queue for messages that
    /// still fail after their consumer's retries (<see cref="ConsumerPolicy{TConsumer}"/>), so an
    /// accepted event is never dropped. The bus health check reports under <c>/health/report</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var connection = RabbitMqConnectionString.Parse(builder.RequiredConnectionString(ConnectionName));

        // Without waiting, messages published right after start-up were lost: the queue bindings did not exist yet.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection(MessagingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton<QueueBacklog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<QueueBacklog>());
        builder.Services.AddReceiveEndpointObserver(services => services.GetRequiredService<QueueBacklog>());
        builder.Services.AddReceiveObserver(services => services.GetRequiredService<QueueBacklog>());
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // In the detailed report only: MassTransit's default "ready" tag would take every replica
            // out of its Service while the broker is away (requests get a 503 instead).
            bus.ConfigureHealthCheckOptions(health => health.Tags.Add("masstransit"));
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                connection.ConfigureHost(rabbit, host => host.PublisherConfirmation = true);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
