using System.Globalization;
using NodaTime;

namespace AutoReply.Domain.BusinessHours;

/// <summary>
/// One stretch of opening hours on a local day, in minutes since midnight: <c>[Open, Close)</c>.
/// <c>Close</c> may be 1440 ("24:00", until midnight).
/// </summary>
public readonly record struct OpeningInterval(int OpenMinute, int CloseMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public bool Contains(LocalTime time)
    {
        var minute = time.TickOfDay / (double)NodaConstants.TicksPerMinute;
        return minute >= OpenMinute && minute < CloseMinute;
    }

    public LocalTime OpensAt => LocalTime.FromMinutesSinceMidnight(OpenMinute);

    public bool Overlaps(OpeningInterval other) => OpenMinute < other.CloseMinute && other.OpenMinute < CloseMinute;

    /// <summary>Reads "HH:mm"; "24:00" only where <paramref name="allowMidnightEnd"/>.</summary>
    public static int? ParseMinute(string? text, bool allowMidnightEnd)
    {
        if (text is null || text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59)
        {
            return null;
        }
        if (hours == 24 && minutes == 0 && allowMidnightEnd)
        {
            return MinutesPerDay;
        }
        return hours < 24 ? hours * 60 + minutes : null;
    }
}
