namespace AutoReply.Rules.Hosting;

/// <summary>
/// Work every replica repeats on a timer, sharing it through row locks: each tick takes batches
/// until one comes back short; a failure is logged and the work is tried again at the next tick.
/// A batch is looked for untraced (<see cref="PollTracing"/>): only one that finds work shows.
/// </summary>
public abstract partial class RecurringBatches(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the work is, as its failure log says it.</summary>
    protected abstract string Work { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract int BatchSize { get; }

    /// <summary>One batch of at most <see cref="BatchSize"/>, in its own scope; answers how many it handled.</summary>
    protected abstract Task<int> RunBatchAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int handled;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    using var quiet = PollTracing.Quiet();
                    handled = await RunBatchAsync(scope.ServiceProvider, stoppingToken);
                }
                while (handled == BatchSize);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, Work, Interval, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; it is tried again in {Interval}")]
    private static partial void LogFailed(ILogger logger, string work, TimeSpan interval, Exception exception);
}
