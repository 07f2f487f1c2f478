using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

using AutoReply.Sender.Delivery;

namespace AutoReply.Sender.Provider;

/// <summary>
/// The Polly pipeline around every call to the provider, outermost first: a rate limit per sending
/// number, a total timeout, retries with exponential back-off and jitter, a circuit breaker, and a
/// per-attempt timeout. Retries happen only where the provider cannot have acted on the request
/// (connection refused, 429, 502/503/504), so a retry never becomes a second text. No hedging.
/// </summary>
public static class ProviderPipeline
{
    /// <summary>The number a request sends from: its rate-limit partition.</summary>
    public static readonly HttpRequestOptionsKey<string> SendingNumber = new("autoreply.sending-number");

    private static readonly HttpStatusCode[] RetriedStatuses =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        ProviderOptions options,
        PartitionedRateLimiter<string> rateLimiter,
        ProviderCircuitState circuit)
    {
        pipeline
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => AcquireWithinAsync(rateLimiter, SendingNumberOf(args.Context), options.MaxRateLimitWait, args.Context.CancellationToken),
            })
            .AddTimeout(options.TotalTimeout);

        // Polly refuses a retry strategy of zero attempts; MaxRetries = 0 means none at all.
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(ProviderCannotHaveActed(args.Outcome)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
            });
        }

        pipeline
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsProviderFailure(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
                OnOpened = _ => circuit.Opened(),
                OnClosed = _ => circuit.Closed(),
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>One token bucket per sending number; a request without a sending number (a look-up) is not limited.</summary>
    public static PartitionedRateLimiter<string> CreateRateLimiter(ProviderOptions options) =>
        PartitionedRateLimiter.Create<string, string>(number => number.Length == 0
            ? RateLimitPartition.GetNoLimiter(number)
            : RateLimitPartition.GetTokenBucketLimiter(number, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.MessagesPerSecondPerNumber),
                QueueLimit = options.RateLimitQueue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));

    public static bool ProviderCannotHaveActed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
        { Result: { } response } => RetriedStatuses.Contains(response.StatusCode),
        _ => false,
    };

    private static bool IsProviderFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    /// <summary>The provider's own <c>Retry-After</c>, capped; null lets the exponential back-off decide.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow);
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, cap.Ticks));
    }

    /// <summary>
    /// Waits for the number's turn, but not for ever: a sender that waited longer than
    /// <paramref name="maxWait"/> gives up without calling the provider, so an attempt has a known
    /// longest duration after which a redelivery may safely look up and resend.
    /// </summary>
    private static async ValueTask<RateLimitLease> AcquireWithinAsync(
        PartitionedRateLimiter<string> rateLimiter, string number, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(maxWait);
        try
        {
            return await rateLimiter.AcquireAsync(number, 1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NotAcquired.Lease;
        }
    }

    private sealed class NotAcquired : RateLimitLease
    {
        public static readonly NotAcquired Lease = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private static string SendingNumberOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(SendingNumber, out var number) == true ? number : "";
}

/// <summary>Whether the provider's circuit is open, for the health check, the logs and the gauge <c>autoreply.sender.provider.circuit_open</c>.</summary>
public sealed class ProviderCircuitState : IHealthCheck
{
    private readonly ILogger<ProviderCircuitState> logger;
    private volatile bool open;

    public ProviderCircuitState(IMeterFactory meters, ILogger<ProviderCircuitState> logger)
    {
        this.logger = logger;
        meters.Create(SenderMetrics.MeterName).CreateObservableGauge(
            "autoreply.sender.provider.circuit_open", () => open ? 1 : 0, unit: "{circuit}",
            description: "1 while the circuit breaker to the SMS provider is open (sends wait for it to recover), else 0.");
    }

    public ValueTask Opened()
    {
        open = true;
        logger.LogError("The SMS provider keeps failing: circuit open, sends wait for it to recover");
        return ValueTask.CompletedTask;
    }

    public ValueTask Closed()
    {
        open = false;
        logger.LogInformation("The SMS provider answers again: circuit closed");
        return ValueTask.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(open
            ? HealthCheckResult.Degraded("The SMS provider keeps failing; the circuit breaker is open.")
            : HealthCheckResult.Healthy("The SMS provider answers."));
}
