namespace AutoReply.Rules.Evaluation;

/// <summary>
/// Takes a replica's batches through a PostgreSQL outage in the order it consumed them. The bus's
/// retry would wait out each failed batch on a back-off of its own, so a batch consumed after the
/// outage began could be decided before one consumed earlier: a contact's text before the
/// business's call to that contact, which should have suppressed it. Here the first batch to fail
/// tries again every <see cref="RetryInterval"/>, each batch consumed meanwhile waits behind it
/// without trying, and once it gets through the next one goes, one at a time, until none is left.
/// Written here because neither MassTransit's retry nor its kill switch keeps messages in order.
/// </summary>
public sealed partial class InOrderRecovery(TimeProvider clock, ILogger<InOrderRecovery> logger)
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Lock sync = new();

    /// <summary>The batches waiting for the database, in the order they were consumed; the first is trying.</summary>
    private readonly List<Turn> line = [];

    /// <summary>The batches waiting for the database now, the one trying included.</summary>
    public int Waiting
    {
        get
        {
            lock (sync)
            {
                return line.Count;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="batch"/>, consumed at <paramref name="consumedAt"/> (a
    /// <see cref="TimeProvider.GetTimestamp"/>), now or after the batches consumed before it that
    /// are waiting for the database. Any failure other than an outage is the caller's.
    /// </summary>
    public async Task RunAsync(long consumedAt, Func<CancellationToken, Task> batch, CancellationToken cancellationToken)
    {
        Turn? turn;
        lock (sync)
        {
            turn = line.Count == 0 ? null : Join(consumedAt);
        }
        var justFailed = false;
        if (turn is null)
        {
            try
            {
                await batch(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex.IsDatabaseOutage())
            {
                bool first;
                lock (sync)
                {
                    first = line.Count == 0;
                    turn = Join(consumedAt);
                }
                if (first)
                {
                    LogOutage(logger, RetryInterval, ex);
                }
                justFailed = true;
            }
        }

        try
        {
            await turn.Front.Task.WaitAsync(cancellationToken);
            while (true)
            {
                if (justFailed)
                {
                    await Task.Delay(RetryInterval, clock, cancellationToken);
                }
                try
                {
                    await batch(cancellationToken);
                    return;
                }
                catch (Exception ex) when (ex.IsDatabaseOutage())
                {
                    justFailed = true;
                }
            }
        }
        finally
        {
            Leave(turn);
        }
    }

    /// <summary>In consumption order, but never ahead of the batch already trying.</summary>
    private Turn Join(long consumedAt)
    {
        var turn = new Turn(consumedAt);
        var index = line.FindIndex(t => t.ConsumedAt > consumedAt && !t.Front.Task.IsCompleted);
        line.Insert(index < 0 ? line.Count : index, turn);
        if (line.Count == 1)
        {
            turn.Front.TrySetResult();
        }
        return turn;
    }

    private void Leave(Turn turn)
    {
        lock (sync)
        {
            line.Remove(turn);
            if (line.Count > 0)
            {
                line[0].Front.TrySetResult();
            }
            else
            {
                LogRecovered(logger);
            }
        }
    }

    private sealed class Turn(long consumedAt)
    {
        public long ConsumedAt { get; } = consumedAt;

        /// <summary>Completed when this batch is first in line.</summary>
        public TaskCompletionSource Front { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL cannot be reached: events wait in the order they were consumed, the first of them tried again every {RetryInterval}")]
    private static partial void LogOutage(ILogger logger, TimeSpan retryInterval, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL answers again: every event that waited for it has been evaluated")]
    private static partial void LogRecovered(ILogger logger);
}
