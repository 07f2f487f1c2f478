using System.Diagnostics;
using OpenTelemetry;

namespace AutoReply.Rules.Hosting;

/// <summary>
/// The timers' polls leave no trace unless they find work: the look runs without instrumentation,
/// and work found is traced from there on, under one span named for it, so the dashboard's traces
/// show what the pollers did and not that they looked.
/// </summary>
public static class PollTracing
{
    public static readonly ActivitySource Source = new("AutoReply.Rules.Polls");

    /// <summary>A poll's look, untraced: its statements start no span until <see cref="WorkFound"/>.</summary>
    public static IDisposable Quiet() => SuppressInstrumentationScope.Begin();

    /// <summary>The poll found <paramref name="items"/> to handle: traced again from here, under a span named <paramref name="work"/>.</summary>
    public static IDisposable WorkFound(string work, int items)
    {
        var traced = SuppressInstrumentationScope.Begin(false);
        var activity = Source.StartActivity(work, ActivityKind.Internal, parentContext: default);
        activity?.SetTag("autoreply.poll.items", items);
        return new Scope(activity, traced);
    }

    private sealed class Scope(Activity? activity, IDisposable traced) : IDisposable
    {
        public void Dispose()
        {
            activity?.Dispose();
            traced.Dispose();
        }
    }
}
