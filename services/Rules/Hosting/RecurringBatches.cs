namespace AutoReply.Rules.Hosting;

/// <summary>
/// Work every replica repeats on a timer, sharing it through row locks: each tick takes batches
/// until one comes back short; a failure is logged and the work is tried again at the next tick.
/// A batch is looked for untraced (<see cref="PollTracing"/>): only one that finds work shows.
/// While a tick finds nothing, the wait doubles up to <see cref="IdleInterval"/>, so an idle
/// system asks PostgreSQL less and less; the first tick that finds work brings it back to <see cref="Interval"/>.
/// </summary>
public abstract partial class RecurringBatches(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the work is, as its failure log says it.</summary>
    protected abstract string Work { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>The longest wait while nothing is found; <see cref="Interval"/> (no back-off) unless the work can wait longer.</summary>
    protected virtual TimeSpan IdleInterval => Interval;

    protected abstract int BatchSize { get; }

    /// <summary>The wait between ticks; work may end it early.</summary>
    protected virtual Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken) => Task.Delay(wait, clock, stoppingToken);

    /// <summary>One batch of at most <see cref="BatchSize"/>, in its own scope; answers how many it handled.</summary>
    protected abstract Task<int> RunBatchAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                int handled, total = 0;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    using var quiet = PollTracing.Quiet();
                    handled = await RunBatchAsync(scope.ServiceProvider, stoppingToken);
                    total += handled;
                }
                while (handled == BatchSize);
                wait = NextWait(wait, foundWork: total > 0, Interval, IdleInterval);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                wait = Interval;
                LogFailed(logger, Work, Interval, ex);
            }
        }
    }

    /// <summary>The wait after a tick: the interval once work was found, otherwise twice the last wait, up to the idle interval.</summary>
    public static TimeSpan NextWait(TimeSpan wait, bool foundWork, TimeSpan interval, TimeSpan idleInterval) =>
        foundWork ? interval : TimeSpan.FromTicks(Math.Max(interval.Ticks, Math.Min(wait.Ticks * 2, idleInterval.Ticks)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; it is tried again in {Interval}")]
    private static partial void LogFailed(ILogger logger, string work, TimeSpan interval, Exception exception);
}
