using System.Collections.Concurrent;
using AutoReply.Messaging;
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
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> barriers = new();

    internal TestBus(IBusControl bus, Uri observerAddress)
    {
        this.bus = bus;
        ObserverAddress = observerAddress;
    }

    public ConcurrentQueue<TObserved> Observed { get; } = new();

    /// <summary>Where to send a message for this bus to observe.</summary>
    public Uri ObserverAddress { get; }

    /// <summary>
    /// Returns once every message already on the observer's queue has been recorded: a barrier is
    /// sent behind them and the queue is read one message at a time. Publishes the broker confirmed
    /// before this call are therefore in <see cref="Observed"/> or never happened, without waiting out a timeout.
    /// </summary>
    public async Task DrainAsync()
    {
        var barrier = new Barrier(Guid.NewGuid());
        var passed = barriers.GetOrAdd(barrier.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Eventually.DefaultTimeout);
        var endpoint = await bus.GetSendEndpoint(ObserverAddress);
        await endpoint.Send(barrier, timeout.Token);
        await passed.Task.WaitAsync(timeout.Token);
    }

    internal void Passed(Barrier barrier) =>
        barriers.GetOrAdd(barrier.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public IPublishEndpoint Publisher => bus;

    public ISendEndpointProvider Sender => bus;

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
        var queue = $"test-observer-{Guid.NewGuid():N}";
        Uri? observerAddress = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            connection.ConfigureHost(rabbit);
            rabbit.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.ConcurrentMessageLimit = 1;
                // The address with the queue's own settings: a plain queue:name would declare it durable and be refused.
                observerAddress = endpoint.InputAddress;
                endpoint.Handler<Barrier>(context =>
                {
                    created!.Passed(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<TObserved>(context =>
                {
                    created!.Observed.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        created = new TestBus<TObserved>(bus, observerAddress!);
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return created;
    }
}

/// <summary>Sent to an observer's own queue behind the messages a test waits for.</summary>
public sealed record Barrier(Guid Id);
