using AutoReply.Contracts;
using AutoReply.ServiceDefaults.Http;
using AutoReply.Domain.Numbers;

namespace AutoReply.RulesApi.Numbers;

/// <summary>The body of <c>PUT /v1/numbers/{phoneNumber}</c> (docs/http-api.md).</summary>
public sealed record NumberSettingsRequest(
    string? Name,
    string? TimeZone,
    Dictionary<string, List<HoursRange>?>? BusinessHours = null,
    List<HoursOverride>? Overrides = null,
    string? Cooldown = null,
    string? RecentActivityWindow = null,
    string? MaxEventAge = null,
    string? Language = null) : IOpenApiExample<NumberSettingsRequest>
{
    public static NumberSettingsRequest Example => new(
        "Acme Dental",
        "America/New_York",
        new() { ["monday"] = [new("09:00", "12:00"), new("13:00", "17:00")], ["tuesday"] = [new("09:00", "17:00")] },
        [new("2026-12-25", [])],
        "PT3H",
        "PT15M",
        "PT15M",
        "en");
}

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
    ReplyLanguage Language,
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
        number.Language,
        number.CreatedAt,
        number.UpdatedAt);
}

/// <summary>A number in the workspace's list: <see cref="ActiveAutoReplies"/> of its six slots are filled.</summary>
public sealed record NumberSummary(string PhoneNumber, string Name, string TimeZone, int ActiveAutoReplies);
