using AutoReply.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>The bus wiring every service shares: RabbitMQ from <c>ConnectionStrings__rabbitmq</c>.</summary>
public static class MessageBusRegistration
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// RabbitMQ with publisher confirms (a publish completes only once the broker has the message),
    /// retries with back-off for consumers, and the error queue for messages that still fail, so an
    /// accepted event is never dropped. The bus health check reports under <c>/health</c>.
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

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, host =>
                {
                    host.Username(connection.UserName);
                    host.Password(connection.Password);
                    host.PublisherConfirmation = true;
                });
                // By default about two and a half minutes of retries in all: long enough to ride out a
                // database or provider blip. Then MassTransit publishes a Fault<T> and the message waits
                // in the endpoint's error queue for an operator.
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: builder.Configuration.GetValue("Messaging:RetryLimit", 10),
                    minInterval: TimeSpan.FromMilliseconds(200),
                    maxInterval: TimeSpan.FromSeconds(30),
                    intervalDelta: TimeSpan.FromSeconds(1)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
