using System.Collections.Concurrent;
using AutoReply.ServiceDefaults.Messaging;
using MassTransit;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// A bus client of the test's own on the real RabbitMQ: it publishes and sends like any internal
/// service using the contracts library, and records the messages of type <typeparamref name="TObserved"/>
/// it sees on a temporary queue.
/// </summary>
public sealed class TestBus<TObserved> : IAsyncDisposable
    where TObserved : class
{
    private readonly IBusControl bus;

    internal TestBus(IBusControl bus) => this.bus = bus;

    public ConcurrentQueue<TObserved> Observed { get; } = new();

    public IPublishEndpoint Publisher => bus;

    public Task PublishAsync(object message) => bus.Publish(message, TestContext.Current.CancellationToken);

    public async Task SendAsync(Uri address, object message)
    {
        var endpoint = await bus.GetSendEndpoint(address);
        await endpoint.Send(message, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}

public static class TestBus
{
    public static async Task<TestBus<TObserved>> StartAsync<TObserved>(string rabbitMqConnectionString)
        where TObserved : class
    {
        var connection = RabbitMqConnectionString.Parse(rabbitMqConnectionString);
        TestBus<TObserved>? created = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, host =>
            {
                host.Username(connection.UserName);
                host.Password(connection.Password);
            });
            rabbit.ReceiveEndpoint($"test-observer-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TObserved>(context =>
                {
                    created!.Observed.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        created = new TestBus<TObserved>(bus);
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return created;
    }
}
