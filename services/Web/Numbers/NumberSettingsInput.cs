using AutoReply.Web.Localization;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;
using AutoReply.Web.RulesApi.V1.Numbers.Item;
using Microsoft.Extensions.Localization;

namespace AutoReply.Web.Numbers;

/// <summary>
/// The number form as posted: the hours of each day in one field (<see cref="HoursText"/>), dated
/// overrides one row each, the windows picked by name. It turns into the API's settings, or into
/// errors keyed like the API's fields so both kinds show next to the same control.
/// </summary>
public sealed class NumberSettingsInput
{
    /// <summary>Rows left for new overrides below the saved ones.</summary>
    public const int BlankOverrides = 2;

    public string PhoneNumber { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "";

    /// <summary>One per day, Monday first (<see cref="HoursText.Days"/>).</summary>
    public List<string> Hours { get; set; } = [.. HoursText.Days.Select(_ => "")];

    public List<OverrideInput> Overrides { get; set; } = [];

    public string Cooldown { get; set; } = "";

    public string RecentActivityWindow { get; set; } = "";

    public string MaxEventAge { get; set; } = "";

    /// <summary>The language its replies are written in (<c>en</c>, <c>fr</c>).</summary>
    public string Language { get; set; } = "";

    /// <summary>A new number's form: the API's default windows, and replies in the language of the person adding it.</summary>
    public static NumberSettingsInput New(WindowChoices windows, string timeZone) => new NumberSettingsInput
    {
        TimeZone = timeZone,
        Language = Languages.Current,
        Cooldown = windows.Cooldown!,
        RecentActivityWindow = windows.RecentActivityWindow!,
        MaxEventAge = windows.MaxEventAge!,
    }.WithBlankOverrides();

    public static NumberSettingsInput From(string phoneNumber, NumberSettingsResponse settings)
    {
        var week = WeeklyHours.Read(settings);
        return new NumberSettingsInput
        {
            PhoneNumber = phoneNumber,
            Name = settings.Name ?? "",
            TimeZone = settings.TimeZone ?? "",
            Hours = [.. HoursText.Days.Select(day => HoursText.Format(week.GetValueOrDefault(day) ?? []))],
            Overrides = [.. (settings.Overrides ?? []).Select(o => new OverrideInput { Date = o.Date ?? "", Hours = HoursText.Format(o.Hours ?? []) })],
            Cooldown = settings.Cooldown ?? "",
            RecentActivityWindow = settings.RecentActivityWindow ?? "",
            MaxEventAge = settings.MaxEventAge ?? "",
            Language = ReplyLanguages.Name(settings.Language),
        }.WithBlankOverrides();
    }

    /// <summary>Drops empty override rows, so that the API's <c>overrides[i]</c> is row i, then adds the blank ones back.</summary>
    public NumberSettingsInput WithBlankOverrides()
    {
        Overrides = [.. Overrides.Where(o => !o.IsBlank), .. Enumerable.Range(0, BlankOverrides).Select(_ => new OverrideInput())];
        return this;
    }

    /// <summary>The settings to send, or the fields this app could not read (keyed like the API's).</summary>
    public (WithPhoneNumberPutRequestBody? Settings, Dictionary<string, string[]> Errors) ToSettings(IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var weekly = new Dictionary<string, List<HoursRange>>();
        for (var i = 0; i < HoursText.Days.Length; i++)
        {
            if (HoursText.TryParse(Hours.ElementAtOrDefault(i), out var hours))
            {
                weekly[HoursText.Days[i]] = hours;
            }
            else
            {
                errors[$"businessHours.{HoursText.Days[i]}"] = [t["Settings.HoursUnreadable", HoursText.Example]];
            }
        }
        var overrides = new List<WithPhoneNumberPutRequestBody_overrides>();
        var rows = Overrides.Where(o => !o.IsBlank).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (HoursText.TryParse(rows[i].Hours, out var hours))
            {
                overrides.Add(new WithPhoneNumberPutRequestBody_overrides
                {
                    Date = rows[i].Date.Trim(),
                    Hours = [.. hours.Select(range => new WithPhoneNumberPutRequestBody_overrides_hours { Open = range.Open, Close = range.Close })],
                });
            }
            else
            {
                errors[$"overrides[{i}]"] = [t["Settings.SpecialHoursUnreadable", HoursText.Example]];
            }
        }
        return errors.Count > 0
            ? (null, errors)
            : (new WithPhoneNumberPutRequestBody
            {
                Name = Name.Trim(),
                TimeZone = TimeZone.Trim(),
                BusinessHours = WeeklyHours.Write(weekly),
                Overrides = overrides,
                Cooldown = Cooldown,
                RecentActivityWindow = RecentActivityWindow,
                MaxEventAge = MaxEventAge,
                Language = Language,
            }, errors);
    }
}

public sealed class OverrideInput
{
    /// <summary>YYYY-MM-DD, as the browser's date control posts it.</summary>
    public string Date { get; set; } = "";

    public string Hours { get; set; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Hours);
}
