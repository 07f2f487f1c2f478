using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;
using Polly.CircuitBreaker;

namespace AutoReply.Ingress.Events;

/// <summary>
/// Ingress's publishes to the broker, through a circuit breaker: once they keep failing (the broker
/// away, blocked or not confirming), events are refused with 503 at once for <see cref="BreakDuration"/>
/// instead of each request waiting out the publish timeout; then one publish tries the broker again.
/// A message the broker returns (no queue bound) is the caller's answer, not a broker failure.
/// </summary>
public sealed partial class BrokerCircuit : IHealthCheck
{
    public const string HealthCheckName = "broker";
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly CircuitBreakerStateProvider state = new();
    private readonly ResiliencePipeline pipeline;
    private readonly TimeProvider clock;
    private long breakEndsAtTicks;

    public BrokerCircuit(TimeProvider clock, ILoggerFactory loggers)
    {
        this.clock = clock;
        var logger = loggers.CreateLogger<BrokerCircuit>();
        pipeline = new ResiliencePipelineBuilder { Name = "broker", TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not MessageReturnedException),
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
                StateProvider = state,
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref breakEndsAtTicks, (clock.GetUtcNow() + args.BreakDuration).UtcTicks);
                    LogOpened(logger, BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .ConfigureTelemetry(loggers)
            .Build();
    }

    /// <summary>
    /// Refuse without trying: the broker failed the last publishes and its break is not over. Past the
    /// break Polly still says open until a publish tries; that publish is the one let through.
    /// </summary>
    public bool IsOpen => state.CircuitState switch
    {
        CircuitState.Isolated => true,
        CircuitState.Open => clock.GetUtcNow().UtcTicks < Interlocked.Read(ref breakEndsAtTicks),
        _ => false,
    };

    /// <exception cref="BrokenCircuitException">The circuit opened meanwhile.</exception>
    public ValueTask PublishAsync(Func<CancellationToken, ValueTask> publish, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(publish, cancellationToken);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsOpen
            ? HealthCheckResult.Unhealthy("Publishes to the broker keep failing: events are refused with 503 until one goes through.")
            : HealthCheckResult.Healthy("Publishes to the broker go through."));

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishes to the broker keep failing: events are refused with 503 for {BreakSeconds} s, then one publish tries again")]
    private static partial void LogOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishes to the broker go through again")]
    private static partial void LogClosed(ILogger logger);
}
