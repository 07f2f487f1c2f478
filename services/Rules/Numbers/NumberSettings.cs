using System.Xml;

namespace AutoReply.Rules.Numbers;

/// <summary>The body of <c>PUT /v1/numbers/{phoneNumber}</c> (API.md).</summary>
public sealed record NumberSettingsRequest(
    string? Name,
    string? TimeZone,
    Dictionary<string, List<HoursRange>?>? BusinessHours,
    List<HoursOverride>? Overrides,
    string? Cooldown,
    string? RecentActivityWindow,
    string? MaxEventAge);

/// <summary>A number's stored settings, as the API answers them.</summary>
public sealed record NumberSettingsResponse(
    string PhoneNumber,
    string Name,
    string TimeZone,
    Dictionary<string, List<HoursRange>> BusinessHours,
    List<HoursOverride> Overrides,
    string Cooldown,
    string RecentActivityWindow,
    string MaxEventAge,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static NumberSettingsResponse From(BusinessNumber number) => new(
        number.PhoneNumber,
        number.Name,
        number.TimeZone,
        number.OpeningHours.Weekly,
        number.OpeningHours.Overrides,
        IsoDuration.Format(number.Cooldown),
        IsoDuration.Format(number.RecentActivityWindow),
        IsoDuration.Format(number.MaxEventAge),
        number.CreatedAt,
        number.UpdatedAt);
}

/// <summary>ISO-8601 durations (<c>PT3H</c>, <c>PT15M</c>, <c>P1D</c>) as the API writes them.</summary>
public static class IsoDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return null;
        }
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
