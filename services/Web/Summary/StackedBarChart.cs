using System.Globalization;
using System.Net;
using System.Text;

namespace AutoReply.Web.Summary;

/// <summary>One stacked part of every bar, named in the legend, with a colour of at least 3:1 against white.</summary>
public sealed record ChartSeries(string Label, string Colour);

/// <summary>One bar: its label under the axis (two short lines), its name in tooltips, and its count in each series, in series order.</summary>
public sealed record ChartBar(string Line1, string Line2, string Name, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>
/// A stacked bar chart as SVG markup, drawn on the server: it shows without scripts, scales to the width it
/// is given, and is one image to assistive technology, named by its title and description; the figures
/// themselves are for a table next to it. A few dozen lines of SVG needed no chart library.
/// </summary>
public static class StackedBarChart
{
    private const int Left = 36, Right = 8, Top = 18, PlotHeight = 160, Bottom = 36, Step = 36, BarWidth = 24;
    private const string TextColour = "#57606a";

    public static string Svg(string id, string title, string description, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBar> bars)
    {
        var scale = NiceCeiling(bars.Select(b => b.Total).DefaultIfEmpty(0).Max());
        var (width, height) = (Left + bars.Count * Step + Right, Top + PlotHeight + Bottom);
        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-description">"""));
        svg.Append(Invariant($"""<title id="{id}-title">{Text(title)}</title><desc id="{id}-description">{Text(description)}</desc>"""));
        svg.Append(Invariant($"""<g font-size="11" fill="{TextColour}">"""));
        int[] ticks = scale % 2 == 0 ? [0, scale / 2, scale] : [0, scale];
        foreach (var tick in ticks)
        {
            var y = Y(tick, scale);
            svg.Append(Invariant($"""<line x1="{Left}" x2="{width - Right}" y1="{y}" y2="{y}" stroke="{(tick == 0 ? "#57606a" : "#d0d7de")}" />"""));
            svg.Append(Invariant($"""<text x="{Left - 6}" y="{y + 4}" text-anchor="end">{tick}</text>"""));
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + i * Step + (Step - BarWidth) / 2;
            var below = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var count = bar.Counts[s];
                if (count == 0)
                {
                    continue;
                }
                var (top, bottom) = (Y(below + count, scale), Y(below, scale));
                // A white edge parts two neighbouring colours, whatever they are.
                svg.Append(Invariant($"""<rect x="{x}" y="{top}" width="{BarWidth}" height="{bottom - top}" fill="{series[s].Colour}" stroke="#fff" stroke-width="1"><title>{Text($"{bar.Name}: {count} {series[s].Label.ToLowerInvariant()}")}</title></rect>"""));
                below += count;
            }
            var middle = x + BarWidth / 2.0;
            if (bar.Total > 0)
            {
                svg.Append(Invariant($"""<text x="{middle}" y="{Y(bar.Total, scale) - 4}" text-anchor="middle" fill="#1b1f24">{bar.Total}</text>"""));
            }
            svg.Append(Invariant($"""<text x="{middle}" y="{Top + PlotHeight + 15}" text-anchor="middle">{Text(bar.Line1)}</text>"""));
            svg.Append(Invariant($"""<text x="{middle}" y="{Top + PlotHeight + 30}" text-anchor="middle">{Text(bar.Line2)}</text>"""));
        }
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>The scale's top: the smallest of 1, 2, 5, 10, 20, 50… at or above <paramref name="max"/>, so its ticks read as round numbers.</summary>
    private static int NiceCeiling(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var step in (int[])[1, 2, 5])
            {
                if (step * magnitude >= max)
                {
                    return step * magnitude;
                }
            }
        }
    }

    private static double Y(int value, int scale) => Math.Round(Top + PlotHeight - (double)value / scale * PlotHeight, 1);

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString markup) => markup.ToString(CultureInfo.InvariantCulture);
}
