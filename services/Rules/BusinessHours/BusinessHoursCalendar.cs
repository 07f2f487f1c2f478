using NodaTime;

namespace AutoReply.Rules.BusinessHours;

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
            foreach (var interval in HoursOn(date).OrderBy(interval => interval.OpenMinute))
            {
                // A wall-clock opening inside a daylight-saving gap happens at the end of the gap.
                var opening = zone.AtLeniently(date + interval.OpensAt);
                if (opening.ToInstant() > after)
                {
                    return opening;
                }
            }
        }
        return null;
    }
}
