using AutoReply.IntegrationTests.Infrastructure;
using AutoReply.Tests;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoReply.IntegrationTests;

/// <summary>
/// The backlog gauges of a service's queues against the real RabbitMQ, read as the dashboard reads
/// them: a queue whose consumer is stuck, and a message that ends in the error queue.
/// </summary>
public sealed class QueueBacklogTests(RealServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queue_whose_consumer_is_stuck_shows_its_depth_and_the_age_of_its_oldest_message_until_it_drains()
    {
        var queue = $"backlog-{Guid.NewGuid():N}";
        await using var service = await StartAsync(queue);
        var held = service.Services.GetRequiredService<Held>();

        for (var i = 0; i < 4; i++)
        {
            await SendAsync(service, queue, new Waiting(Poison: false));
        }

        // One message is with the stuck consumer; the other three wait in the queue, older and older.
        await Eventually.ReadAsync(() => Task.FromResult(Depth(service, queue)), depth => depth == 3);
        await Eventually.ReadAsync(() => Task.FromResult(Gauge(service, "autoreply.queue.oldest_age", queue)), age => age >= 1_000);

        held.Release();
        await Eventually.ReadAsync(
            () => Task.FromResult((Depth(service, queue), Gauge(service, "autoreply.queue.oldest_age", queue))),
            reading => reading == (0, 0));
    }

    [Fact]
    public async Task A_message_that_fails_is_counted_in_its_error_queue()
    {
        var queue = $"backlog-{Guid.NewGuid():N}";
        await using var service = await StartAsync(queue);
        service.Services.GetRequiredService<Held>().Release();

        await SendAsync(service, queue, new Waiting(Poison: true));

        await Eventually.ReadAsync(() => Task.FromResult(Depth(service, queue + "_error")), depth => depth == 1);
        Assert.Equal(0, Depth(service, queue));
    }

    private async Task<Service> StartAsync(string queue)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Messaging:BacklogInterval"] = "00:00:01",
        });
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<Held>();
        builder.AddMessageBus(bus => bus.AddConsumer<WaitingConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = queue;
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.PrefetchCount = 1;
        }));
        var host = builder.Build();
        await host.StartAsync(Cancellation);
        return new Service(host);
    }

    private static async Task SendAsync(Service service, string queue, Waiting message)
    {
        var endpoint = await service.Services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(new Uri($"exchange:{queue}"));
        await endpoint.Send(message, Cancellation);
    }

    private static double Depth(Service service, string queue) => Gauge(service, "autoreply.queue.depth", queue);

    private static double Gauge(Service service, string name, string queue) => Gauges.Read(service.Services, name, ("queue", queue));

    public sealed record Waiting(bool Poison);

    /// <summary>The host with its bus, stopped (the bus's connections closed) when the test ends.</summary>
    private sealed class Service(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    /// <summary>Holds every message until the test releases them: a consumer stuck on a slow dependency.</summary>
    public sealed class Held
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Released => released.Task;

        public void Release() => released.TrySetResult();
    }

    public sealed class WaitingConsumer(Held held) : IConsumer<Waiting>
    {
        public async Task Consume(ConsumeContext<Waiting> context)
        {
            await held.Released.WaitAsync(context.CancellationToken);
            if (context.Message.Poison)
            {
                throw new InvalidOperationException("A message no retry can help.");
            }
        }
    }
}
