using System.Diagnostics;
using AutoReply.Messaging;
using MassTransit;

namespace AutoReply.Drill;

/// <summary>
/// The raw MassTransit publish → consume rate on the system's own broker: the same settings the
/// services use (publisher confirms, persistent messages, a durable queue) and a message the size of
/// an event, with no work in the consumer. What the system reaches is measured against it.
/// </summary>
public static class BusProbe
{
    public static async Task<double> MeasureAsync(string rabbitMqConnectionString, int messages, CancellationToken cancellationToken)
    {
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        var queue = $"drill-bus-probe-{Guid.NewGuid():N}";
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            RabbitMqConnectionString.Parse(rabbitMqConnectionString).ConfigureHost(rabbit, host => host.PublisherConfirmation = true);
            rabbit.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.PrefetchCount = 64;
                endpoint.Handler<ProbeMessage>(_ =>
                {
                    if (Interlocked.Increment(ref count) == messages)
                    {
                        consumed.TrySetResult();
                    }
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            // About the size of a call.missed event as ingress publishes it.
            var body = new string('x', 180);
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
                async (i, token) => await bus.Publish(new ProbeMessage(i, body), token));
            await consumed.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            return messages / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

public sealed record ProbeMessage(int Sequence, string Padding);
