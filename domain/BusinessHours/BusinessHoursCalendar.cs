using NodaTime;

namespace AutoReply.Domain.BusinessHours;

/// <summary>
/// A number's opening hours in its own time zone: a weekly schedule, and dated overrides that
/// replace the weekly hours on their day (an empty override is a closed day). Wall-clock hours are
/// read in the zone at each instant, so daylight-saving changes need no special case.
/// </summary>
public sealed class BusinessHoursCalendar(
    DateTimeZone zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> weekly,
    IReadOnlyDictionary<LocalDate, IReadOnlyList<OpeningInterval>> overrides)
{
    /// <summary>How far ahead the next opening is looked for: a year covers any sensible schedule.</summary>
    private const int SearchDays = 366;

    public DateTimeZone Zone => zone;

    public IReadOnlyList<OpeningInterval> HoursOn(LocalDate date) =>
        overrides.TryGetValue(date, out var special) ? special
        : weekly.TryGetValue(date.DayOfWeek, out var usual) ? usual
        : [];

    public bool IsOpenAt(Instant instant)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return HoursOn(local.Date).Any(interval => interval.Contains(local.TimeOfDay));
    }

    /// <summary>The next moment the business opens after <paramref name="after"/>, or null when it never does.</summary>
    public ZonedDateTime? NextOpening(Instant after)
    {
        var start = after.InZone(zone);
        for (var day = 0; day < SearchDays; day++)
        {
            var date = start.Date.PlusDays(day);
            var opening = HoursOn(date)
                .SelectMany(interval => OpeningInstants(date + interval.OpensAt))
                .Where(instant => instant > after)
                .Order()
                .Cast<Instant?>()
                .FirstOrDefault();
            if (opening is not null)
            {
                return opening.Value.InZone(zone);
            }
        }
        return null;
    }

    /// <summary>
    /// When a wall-clock opening time happens: once on most days, twice in the hour repeated when
    /// clocks go back, and at the end of the gap when clocks go forward over it.
    /// </summary>
    private IEnumerable<Instant> OpeningInstants(LocalDateTime opening)
    {
        var mapping = zone.MapLocal(opening);
        return mapping.Count switch
        {
            0 => [mapping.LateInterval.Start],
            1 => [mapping.Single().ToInstant()],
            _ => [mapping.First().ToInstant(), mapping.Last().ToInstant()],
        };
    }
}
