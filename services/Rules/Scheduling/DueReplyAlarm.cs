namespace AutoReply.Rules.Scheduling;

/// <summary>
/// When the replies this replica scheduled fall due, so that its dispatcher sleeps while nothing is
/// due and wakes at the due time instead of asking PostgreSQL every second. Set by the evaluator
/// once a scheduled reply has committed; a reply scheduled by a replica that stopped is found by
/// the others' idle looks (<see cref="SchedulingOptions.IdleInterval"/>).
/// </summary>
public sealed class DueReplyAlarm(TimeProvider clock)
{
    private readonly Lock sync = new();
    private readonly SortedSet<DateTimeOffset> dueTimes = [];
    private TaskCompletionSource earlier = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(IEnumerable<DateTimeOffset> dueAt)
    {
        lock (sync)
        {
            var before = dueTimes.Count == 0 ? DateTimeOffset.MaxValue : dueTimes.Min;
            dueTimes.UnionWith(dueAt);
            if (dueTimes.Count > 0 && dueTimes.Min < before)
            {
                earlier.TrySetResult();
                earlier = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Waits <paramref name="wait"/>, or until the first of the replies set falls due if that is sooner.</summary>
    public async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            Task setEarlier;
            TimeSpan sleep;
            lock (sync)
            {
                var now = clock.GetUtcNow();
                var wakeAt = dueTimes.Count > 0 && dueTimes.Min < deadline ? dueTimes.Min : deadline;
                if (wakeAt <= now)
                {
                    // The look that follows settles every reply due by now.
                    dueTimes.RemoveWhere(due => due <= now);
                    return;
                }
                sleep = wakeAt - now;
                setEarlier = earlier.Task;
            }
            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var slept = Task.Delay(sleep, clock, sleeping.Token);
            await Task.WhenAny(slept, setEarlier);
            await sleeping.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
