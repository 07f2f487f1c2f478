using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AutoReply.Messaging;

/// <summary>
/// What waits in the queues this service consumes, and in their error queues, for the dashboard and
/// the alerts: <c>autoreply.queue.depth</c> (messages ready, from a passive declare every
/// <see cref="SampleInterval"/>: the broker's own count, so a stalled consumer still shows) and
/// <c>autoreply.queue.oldest_age</c>, the age of the oldest waiting message as far as this replica can
/// tell: the time the last message it consumed had waited, or, while the queue holds messages and
/// none is consumed, how long that has lasted. Written here because MassTransit exposes neither and
/// RabbitMQ's own Prometheus metrics do not reach the Aspire dashboard.
/// </summary>
public sealed partial class QueueBacklog : BackgroundService, IReceiveEndpointObserver, IReceiveObserver
{
    public const string MeterName = "AutoReply.Messaging";
    public const string ErrorQueueSuffix = "_error";

    private readonly RabbitMqConnectionString connection;
    private readonly TimeSpan interval;
    private readonly TimeProvider clock;
    private readonly ILogger<QueueBacklog> logger;
    private readonly ConcurrentDictionary<string, QueueState> queues = new(StringComparer.Ordinal);

    /// <summary>The consumed queues by their endpoints' addresses, as each consumed message names its own.</summary>
    private readonly ConcurrentDictionary<Uri, QueueState> consumedAt = new();
    private IConnection? broker;
    private IChannel? channel;

    public QueueBacklog(RabbitMqConnectionString connection, IOptions<MessagingOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<QueueBacklog> logger)
    {
        this.connection = connection;
        interval = options.Value.BacklogInterval;
        this.clock = clock;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("autoreply.queue.depth", ObserveDepths, unit: "{message}",
            description: "Messages ready in each queue this service consumes and in its error queue, as the broker counts them.");
        meter.CreateObservableGauge("autoreply.queue.oldest_age", ObserveAges, unit: "ms",
            description: "How long the oldest message waiting in each queue this service consumes has waited, as far as this replica can tell.");
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        // The bus's own reply endpoint is temporary and private to this process: not a backlog anyone waits on.
        if (!ready.InputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase))
        {
            var queue = ready.InputAddress.AbsolutePath.Split('/')[^1];
            consumedAt.TryAdd(ready.InputAddress, queues.GetOrAdd(queue, _ => new QueueState(consumed: true)));
            queues.TryAdd(queue + ErrorQueueSuffix, new QueueState(consumed: false));
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class
    {
        if (context.ReceiveContext.InputAddress is { } address
            && consumedAt.TryGetValue(address, out var state)
            && context.SentTime is { } sent)
        {
            var now = clock.GetUtcNow();
            state.Consumed(now, now - new DateTimeOffset(sent, TimeSpan.Zero));
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CloseAsync();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, state) in queues)
        {
            try
            {
                channel ??= await OpenChannelAsync(cancellationToken);
                var declared = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
                state.Sampled(clock.GetUtcNow(), declared.MessageCount);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
                // Not declared yet (an error queue before its first error): nothing waits in it. The broker closed the channel.
                state.Sampled(clock.GetUtcNow(), 0);
                channel = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The broker is away: the gauges keep their last reading and the bus's own health check says so.
                LogSampleFailed(logger, name, ex.Message);
                await CloseAsync();
                return;
            }
        }
    }

    private async Task<IChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        broker ??= await connection.ConnectAsync("autoreply-queue-backlog", cancellationToken);
        return await broker.CreateChannelAsync(cancellationToken: cancellationToken);
    }

    private async Task CloseAsync()
    {
        var (open, connected) = (channel, broker);
        (channel, broker) = (null, null);
        try
        {
            if (open is not null)
            {
                await open.DisposeAsync();
            }
            if (connected is not null)
            {
                await connected.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Already gone with the broker.
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepths() =>
        queues.Where(q => q.Value.Depth is not null)
            .Select(q => new Measurement<long>(q.Value.Depth!.Value, new KeyValuePair<string, object?>("queue", q.Key)));

    private IEnumerable<Measurement<double>> ObserveAges()
    {
        var now = clock.GetUtcNow();
        return queues.Where(q => q.Value.IsConsumed && q.Value.Depth is not null)
            .Select(q => new Measurement<double>(q.Value.OldestAge(now).TotalMilliseconds, new KeyValuePair<string, object?>("queue", q.Key)));
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the depth of queue {Queue} from the broker: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string queue, string reason);

    private sealed class QueueState(bool consumed)
    {
        private readonly Lock sync = new();
        private DateTimeOffset lastConsumedAt = DateTimeOffset.MinValue;
        private TimeSpan lastWait;
        private DateTimeOffset? holdingSince;

        public bool IsConsumed { get; } = consumed;

        public long? Depth { get; private set; }

        public void Consumed(DateTimeOffset now, TimeSpan waited)
        {
            lock (sync)
            {
                (lastConsumedAt, lastWait) = (now, waited);
            }
        }

        public void Sampled(DateTimeOffset now, uint depth)
        {
            lock (sync)
            {
                Depth = depth;
                holdingSince = depth == 0 ? null : holdingSince ?? now;
                lastWait = depth == 0 ? TimeSpan.Zero : lastWait;
            }
        }

        public TimeSpan OldestAge(DateTimeOffset now)
        {
            lock (sync)
            {
                if (holdingSince is not { } since)
                {
                    return TimeSpan.Zero;
                }
                var stalledFor = now - (lastConsumedAt > since ? lastConsumedAt : since);
                return stalledFor > lastWait ? stalledFor : lastWait;
            }
        }
    }
}
