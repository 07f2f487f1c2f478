using AutoReply.Rules.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace AutoReply.UnitTests.Rules;

public sealed class DueReplyAlarmTests
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The wait ends (its continuation runs on the thread pool once the fake clock fires it).</summary>
    private static Task Woken(Task waiting) => waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    [Fact]
    public async Task With_nothing_scheduled_the_dispatcher_sleeps_its_whole_idle_wait()
    {
        var alarm = new DueReplyAlarm(clock);
        var waiting = alarm.WaitAsync(IdleWait, TestContext.Current.CancellationToken);

        clock.Advance(IdleWait - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Woken(waiting);
    }

    [Fact]
    public async Task A_reply_scheduled_while_the_dispatcher_sleeps_wakes_it_at_its_due_time()
    {
        var alarm = new DueReplyAlarm(clock);
        var waiting = alarm.WaitAsync(IdleWait, TestContext.Current.CancellationToken);

        alarm.Set([clock.GetUtcNow() + TimeSpan.FromSeconds(2)]);
        clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Woken(waiting);
    }

    [Fact]
    public async Task A_reply_due_later_than_the_idle_wait_does_not_keep_the_dispatcher_asleep_past_it()
    {
        var alarm = new DueReplyAlarm(clock);
        alarm.Set([clock.GetUtcNow() + TimeSpan.FromMinutes(2)]);
        var waiting = alarm.WaitAsync(IdleWait, TestContext.Current.CancellationToken);

        clock.Advance(IdleWait);
        await Woken(waiting);
    }

    [Fact]
    public async Task A_due_time_already_woken_for_does_not_wake_the_dispatcher_again()
    {
        var alarm = new DueReplyAlarm(clock);
        alarm.Set([clock.GetUtcNow() + TimeSpan.FromSeconds(1)]);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Woken(alarm.WaitAsync(IdleWait, TestContext.Current.CancellationToken));

        var next = alarm.WaitAsync(IdleWait, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
    }
}
