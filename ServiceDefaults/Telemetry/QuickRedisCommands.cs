using System.Diagnostics;
using OpenTelemetry;

namespace AutoReply.ServiceDefaults.Telemetry;

/// <summary>
/// Leaves out of the exported traces the Redis commands that answered quickly and without error:
/// they take tens of microseconds, and two per event (the event id's claim and its mark) were a
/// quarter of every span the system exported. A slow or failed command is kept, which is when an
/// operator needs it. Registered before the exporter, which skips what is not recorded.
/// </summary>
public sealed class QuickRedisCommands : BaseProcessor<Activity>
{
    public const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    /// <summary>A command at least this slow is exported.</summary>
    public static readonly TimeSpan SlowCommand = TimeSpan.FromMilliseconds(5);

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == RedisSource && data.Duration < SlowCommand && data.Status != ActivityStatusCode.Error)
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
