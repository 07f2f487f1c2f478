using NodaTime;
using AutoReply.Contracts;
using AutoReply.Domain.AutoReplies;
using AutoReply.Domain.BusinessHours;

namespace AutoReply.Domain.Numbers;

/// <summary>A business phone number and its settings; the auto-replies hang off it.</summary>
public sealed class BusinessNumber
{
    public const int MaxNameLength = 100;

    /// <summary>The longest cooldown, recent-activity window or event age a number may set.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public required string PhoneNumber { get; init; }

    /// <summary>The one workspace that owns the number; nobody else sees it or replies on it.</summary>
    public required Guid WorkspaceId { get; init; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. America/New_York.</summary>
    public required string TimeZone { get; set; }

    public required OpeningHoursDocument OpeningHours { get; set; }

    /// <summary>The language its auto-replies' messages are written in, and sent in when a contact's is not known.</summary>
    public ReplyLanguage Language { get; set; } = ReplyLanguage.English;

    public TimeSpan Cooldown { get; set; }

    public TimeSpan RecentActivityWindow { get; set; }

    public TimeSpan MaxEventAge { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<AutoReplyDefinition> AutoReplies { get; init; } = [];

    public BusinessHoursCalendar Calendar() => new(
        DateTimeZoneProviders.Tzdb[TimeZone],
        OpeningHours.Weekly.ToDictionary(day => Enum.Parse<IsoDayOfWeek>(day.Key, ignoreCase: true), day => ToIntervals(day.Value)),
        OpeningHours.Overrides.ToDictionary(o => LocalDateFormat.Parse(o.Date)!.Value, o => ToIntervals(o.Hours)));

    private static IReadOnlyList<OpeningInterval> ToIntervals(List<HoursRange> ranges) =>
        [.. ranges.Select(range => new OpeningInterval(
            OpeningInterval.ParseMinute(range.Open, allowMidnightEnd: false)!.Value,
            OpeningInterval.ParseMinute(range.Close, allowMidnightEnd: true)!.Value))];
}

/// <summary>Opening hours as the API writes them; stored as one JSON document next to the number.</summary>
public sealed record OpeningHoursDocument(Dictionary<string, List<HoursRange>> Weekly, List<HoursOverride> Overrides);

public sealed record HoursRange(string Open, string Close);

public sealed record HoursOverride(string Date, List<HoursRange> Hours);

public static class LocalDateFormat
{
    private static readonly NodaTime.Text.LocalDatePattern Pattern = NodaTime.Text.LocalDatePattern.Iso;

    public static LocalDate? Parse(string? text)
    {
        var result = text is null ? null : Pattern.Parse(text);
        return result is { Success: true } ? result.Value : null;
    }
}
