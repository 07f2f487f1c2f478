using System.Diagnostics;
using AutoReply.ServiceDefaults.Telemetry;

namespace AutoReply.UnitTests.ServiceDefaults;

public sealed class QuickRedisCommandsTests
{
    [Fact]
    public void A_redis_command_that_answered_quickly_is_not_exported() =>
        Assert.False(ExportedAfter(QuickRedisCommands.RedisSource, TimeSpan.FromMilliseconds(1), ActivityStatusCode.Unset));

    [Fact]
    public void A_slow_redis_command_is_exported() =>
        Assert.True(ExportedAfter(QuickRedisCommands.RedisSource, QuickRedisCommands.SlowCommand, ActivityStatusCode.Unset));

    [Fact]
    public void A_failed_redis_command_is_exported_however_quick() =>
        Assert.True(ExportedAfter(QuickRedisCommands.RedisSource, TimeSpan.FromMilliseconds(1), ActivityStatusCode.Error));

    [Fact]
    public void Other_quick_spans_are_exported() =>
        Assert.True(ExportedAfter("Npgsql", TimeSpan.FromMilliseconds(1), ActivityStatusCode.Unset));

    /// <summary>Whether a span of <paramref name="source"/> that took <paramref name="duration"/> is still recorded (what the exporter takes) after the processor.</summary>
    private static bool ExportedAfter(string source, TimeSpan duration, ActivityStatusCode status)
    {
        using var activities = new ActivitySource(source);
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate == activities,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var start = DateTime.UtcNow;
        using var span = activities.StartActivity("GET", ActivityKind.Client, default(ActivityContext), startTime: start)!;
        span.SetStatus(status);
        span.SetEndTime(start + duration);
        using var processor = new QuickRedisCommands();
        processor.OnEnd(span);
        return span.Recorded;
    }
}
