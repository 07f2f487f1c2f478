using System.Diagnostics;
using OpenTelemetry;

namespace AutoReply.Rules.Hosting;

/// <summary>
/// The timers' polls leave no trace unless they find work: the look runs without instrumentation,
/// and work found is traced from there on, under one span named for it and linked to the traces that
/// left the work, so the dashboard's traces show what the pollers did and not that they looked.
/// </summary>
public static class PollTracing
{
    public static readonly ActivitySource Source = new("AutoReply.Rules.Polls");

    /// <summary>A poll's look, untraced: its statements start no span until <see cref="WorkFound"/>.</summary>
    public static IDisposable Quiet() => SuppressInstrumentationScope.Begin();

    /// <summary>Links a span may carry; OpenTelemetry's default limit.</summary>
    private const int MaxLinks = 128;

    /// <summary>
    /// The poll found <paramref name="items"/> to handle: traced again from here, under a span named
    /// <paramref name="work"/> linked to the traces that left the work (their W3C <c>traceparent</c>s,
    /// <paramref name="causes"/>), so an event's trace leads to what settled it later.
    /// </summary>
    public static IDisposable WorkFound(string work, int items, IEnumerable<string?> causes)
    {
        var traced = SuppressInstrumentationScope.Begin(false);
        List<ActivityLink> links = [];
        foreach (var cause in causes.Distinct(StringComparer.Ordinal).Take(MaxLinks))
        {
            if (ActivityContext.TryParse(cause, traceState: null, out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }
        var activity = Source.StartActivity(work, ActivityKind.Internal, parentContext: default, links: links);
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
