using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Validation;
using NodaTime;
using AutoReply.Domain.BusinessHours;
using AutoReply.Domain.Choices;
using AutoReply.Domain.Numbers;

namespace AutoReply.RulesApi.Numbers;

/// <summary>
/// Checks a number's settings field by field; errors are keyed by the JSON path of the field so
/// the caller sees exactly what to fix. Valid settings become an <see cref="ValidNumberSettings"/>.
/// </summary>
public sealed class NumberSettingsValidator
{
    public const int MaxNameLength = BusinessNumber.MaxNameLength;

    /// <summary>Longest window a setting accepts; the Redis keys behind them live this long.</summary>
    public static readonly TimeSpan MaxWindow = BusinessNumber.MaxWindow;

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public Validated<ValidNumberSettings> Validate(NumberSettingsRequest? request)
    {
        var errors = new FieldErrors();
        if (request is null)
        {
            errors.Add("", "The body must be the number's settings as JSON.");
            return Validated.Invalid<ValidNumberSettings>(errors);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", $"name is required, up to {MaxNameLength} characters.");
        }

        if (request.TimeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(request.TimeZone) is null)
        {
            errors.Add("timeZone", "timeZone must be an IANA time zone id such as America/New_York.");
        }

        var weekly = new Dictionary<string, List<HoursRange>>();
        foreach (var (day, ranges) in request.BusinessHours ?? [])
        {
            var dayName = day.ToLowerInvariant();
            if (!DayNames.Contains(dayName))
            {
                errors.Add($"businessHours.{day}", $"'{day}' is not a day; use {string.Join(", ", DayNames)}.");
                continue;
            }
            if (CheckRanges($"businessHours.{dayName}", ranges ?? [], errors))
            {
                weekly[dayName] = ranges ?? [];
            }
        }

        var overrides = new List<HoursOverride>();
        var seenDates = new HashSet<LocalDate>();
        for (var i = 0; i < (request.Overrides?.Count ?? 0); i++)
        {
            var entry = request.Overrides![i];
            var date = LocalDateFormat.Parse(entry?.Date);
            if (date is null)
            {
                errors.Add($"overrides[{i}].date", "date must be a calendar date such as 2026-12-25.");
                continue;
            }
            if (!seenDates.Add(date.Value))
            {
                errors.Add($"overrides[{i}].date", $"{entry!.Date} appears twice.");
                continue;
            }
            if (CheckRanges($"overrides[{i}].hours", entry!.Hours ?? [], errors))
            {
                overrides.Add(new HoursOverride(entry.Date, entry.Hours ?? []));
            }
        }

        var cooldown = ParseWindow("cooldown", request.Cooldown, SettingChoices.DefaultCooldown, errors);
        var recentActivity = ParseWindow("recentActivityWindow", request.RecentActivityWindow, SettingChoices.DefaultRecentActivityWindow, errors);
        var maxEventAge = ParseWindow("maxEventAge", request.MaxEventAge, SettingChoices.DefaultMaxEventAge, errors);
        var language = ReplyLanguage.English;
        if (request.Language is not null && !Vocabulary.TryParse(request.Language, out language))
        {
            errors.Add("language", $"language must be one of {string.Join(", ", Vocabulary.All<ReplyLanguage>())}.");
        }

        return errors.Result(() => new ValidNumberSettings(
            name!,
            request.TimeZone!,
            new OpeningHoursDocument(weekly, [.. overrides.OrderBy(o => o.Date, StringComparer.Ordinal)]),
            cooldown,
            recentActivity,
            maxEventAge,
            language));
    }

    private static bool CheckRanges(string path, List<HoursRange> ranges, FieldErrors errors)
    {
        var intervals = new List<OpeningInterval>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var open = OpeningInterval.ParseMinute(ranges[i]?.Open, allowMidnightEnd: false);
            var close = OpeningInterval.ParseMinute(ranges[i]?.Close, allowMidnightEnd: true);
            if (open is null || close is null)
            {
                errors.Add($"{path}[{i}]", "open and close must be times such as 09:00 and 17:00 (close may be 24:00).");
                return false;
            }
            if (open >= close)
            {
                errors.Add($"{path}[{i}]", $"opens at {ranges[i].Open} but closes at {ranges[i].Close}: close must be after open.");
                return false;
            }
            var interval = new OpeningInterval(open.Value, close.Value);
            if (intervals.Any(interval.Overlaps))
            {
                errors.Add($"{path}[{i}]", $"{ranges[i].Open}–{ranges[i].Close} overlaps another interval of the same day.");
                return false;
            }
            intervals.Add(interval);
        }
        ranges.Sort((a, b) => string.CompareOrdinal(a.Open, b.Open));
        return true;
    }

    private static TimeSpan ParseWindow(string field, string? text, TimeSpan fallback, FieldErrors errors)
    {
        if (text is null)
        {
            return fallback;
        }
        var duration = IsoDuration.Parse(text);
        if (duration is null || duration <= TimeSpan.Zero || duration > MaxWindow)
        {
            errors.Add(field, $"{field} must be an ISO-8601 duration such as PT3H, more than zero and at most P7D.");
            return fallback;
        }
        return duration.Value;
    }
}

public sealed record ValidNumberSettings(
    string Name,
    string TimeZone,
    OpeningHoursDocument OpeningHours,
    TimeSpan Cooldown,
    TimeSpan RecentActivityWindow,
    TimeSpan MaxEventAge,
    ReplyLanguage Language);
