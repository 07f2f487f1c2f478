using AutoReply.Rules.Hosting;

namespace AutoReply.UnitTests.Rules;

public sealed class RecurringBatchesTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(10);

    [Fact]
    public void An_idle_poller_waits_twice_as_long_each_time_up_to_its_idle_interval_and_its_interval_again_once_it_finds_work()
    {
        var waits = new List<TimeSpan>();
        var wait = Interval;
        foreach (var found in new[] { false, false, false, false, true, false })
        {
            wait = RecurringBatches.NextWait(wait, found, Interval, IdleInterval);
            waits.Add(wait);
        }

        Assert.Equal([4, 8, 10, 10, 2, 4], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void A_poller_whose_work_cannot_wait_keeps_its_interval_while_idle() =>
        Assert.Equal(Interval, RecurringBatches.NextWait(Interval, foundWork: false, Interval, idleInterval: Interval));
}
