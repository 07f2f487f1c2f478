using System.Globalization;
using System.Text;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace AutoReply.Drill;

/// <summary>
/// The benchmark second by second, from the first acceptance: events accepted (offered) and decided
/// per second, and the accepted → decision latency of the events decided in that second; as a CSV
/// and as the plot the README shows (offered vs decided rate above, latency below).
/// </summary>
public static class BenchSeries
{
    public sealed record Second(int At, int Offered, int Decided, double P50Ms, double P99Ms);

    public static IReadOnlyList<string> Write(DrillRun run, DrillOptions options, string line)
    {
        var seconds = Compute(run);
        Directory.CreateDirectory(options.Output);
        var csv = Path.Combine(options.Output, "bench-series.csv");
        var svg = Path.Combine(options.Output, "bench-series.svg");
        File.WriteAllLines(csv, [
            $"# {line}",
            $"# rate={options.Rate} duration={options.Duration} numbers={options.Numbers} contacts_per_number={options.ContactsPerNumber} seed={options.Seed}",
            "second,offered_eps,decided_eps,p50_ms,p99_ms",
            .. seconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At},{s.Offered},{s.Decided},{s.P50Ms:0},{s.P99Ms:0}"))]);
        using (var file = File.Create(svg))
        {
            new SvgExporter { Width = 960, Height = 640 }.Export(Plot(seconds, options, line), file);
        }
        return [csv, svg];
    }

    private static List<Second> Compute(DrillRun run)
    {
        if (run.Accepted.Count == 0)
        {
            return [];
        }
        var start = run.Accepted.Values.Min();
        int SecondOf(DateTimeOffset at) => (int)Math.Floor((at - start).TotalSeconds);
        var offered = run.Accepted.Values.GroupBy(SecondOf).ToDictionary(g => g.Key, g => g.Count());
        var decided = run.Decisions.GroupBy(d => SecondOf(d.DecidedAt)).ToDictionary(
            g => g.Key,
            g => g.Select(d => (d.DecidedAt - run.Accepted[d.EventId]).TotalMilliseconds).Order().ToList());
        var last = Math.Max(offered.Keys.Max(), decided.Count == 0 ? 0 : decided.Keys.Max());
        return [.. Enumerable.Range(0, last + 1).Select(at =>
        {
            var latencies = decided.GetValueOrDefault(at) ?? [];
            return new Second(at, offered.GetValueOrDefault(at), latencies.Count, DrillReport.Percentile(latencies, 0.50), DrillReport.Percentile(latencies, 0.99));
        })];
    }

    private static PlotModel Plot(IReadOnlyList<Second> seconds, DrillOptions options, string line)
    {
        var model = new PlotModel
        {
            Title = $"{options.Rate} events/s offered, {options.Numbers} numbers × {options.ContactsPerNumber} contacts",
            Subtitle = Wrap(line),
            Background = OxyColors.White,
        };
        model.Legends.Add(new Legend { LegendPosition = LegendPosition.RightTop, LegendPlacement = LegendPlacement.Outside });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "seconds since the first event", Minimum = 0 });
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Key = "rate", Title = "events per second", Minimum = 0, StartPosition = 0.45, EndPosition = 1 });
        model.Axes.Add(new LogarithmicAxis { Position = AxisPosition.Left, Key = "latency", Title = "accepted → decision, ms", Minimum = 1, StartPosition = 0, EndPosition = 0.4 });
        model.Series.Add(Line("accepted", "rate", OxyColors.Gray, seconds.Select(s => new DataPoint(s.At, s.Offered))));
        model.Series.Add(Line("decided", "rate", OxyColors.SteelBlue, seconds.Select(s => new DataPoint(s.At, s.Decided))));
        model.Series.Add(Line("p50", "latency", OxyColors.SeaGreen, seconds.Where(s => s.Decided > 0).Select(s => new DataPoint(s.At, Math.Max(1, s.P50Ms)))));
        model.Series.Add(Line("p99", "latency", OxyColors.OrangeRed, seconds.Where(s => s.Decided > 0).Select(s => new DataPoint(s.At, Math.Max(1, s.P99Ms)))));
        return model;
    }

    private static LineSeries Line(string title, string axis, OxyColor color, IEnumerable<DataPoint> points)
    {
        var series = new LineSeries { Title = title, YAxisKey = axis, Color = color, StrokeThickness = 1.5 };
        series.Points.AddRange(points);
        return series;
    }

    /// <summary>The result line in two, so it fits under the title.</summary>
    private static string Wrap(string line)
    {
        var words = line.Split(' ');
        var half = words.Length / 2;
        return new StringBuilder().AppendJoin(' ', words.Take(half)).Append('\n').AppendJoin(' ', words.Skip(half)).ToString();
    }
}
