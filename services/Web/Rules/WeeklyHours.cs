using AutoReply.Web.RulesApi.Models;
using AutoReply.Web.RulesApi.V1.Numbers.Item;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AutoReply.Web.Rules;

/// <summary>
/// A number's weekly hours (<c>businessHours</c>: day name → opening ranges), which Kiota, generating
/// no typed maps, reads and writes as untyped data: turned into ranges here, and back.
/// </summary>
public static class WeeklyHours
{
    public static IReadOnlyDictionary<string, List<HoursRange>> Read(NumberSettingsResponse settings) =>
        (settings.BusinessHours?.AdditionalData ?? new Dictionary<string, object>()).ToDictionary(
            day => day.Key,
            day => day.Value is UntypedArray ranges ? [.. ranges.GetValue().OfType<UntypedObject>().Select(Range)] : new List<HoursRange>());

    public static WithPhoneNumberPutRequestBody_businessHours Write(IReadOnlyDictionary<string, List<HoursRange>> week) => new()
    {
        AdditionalData = week.ToDictionary(
            day => day.Key,
            day => (object)new UntypedArray([.. day.Value.Select(range => new UntypedObject(new Dictionary<string, UntypedNode>
            {
                ["open"] = new UntypedString(range.Open),
                ["close"] = new UntypedString(range.Close),
            }))])),
    };

    private static HoursRange Range(UntypedObject range)
    {
        var fields = range.GetValue();
        return new HoursRange { Open = Text(fields, "open"), Close = Text(fields, "close") };
    }

    private static string? Text(IDictionary<string, UntypedNode> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is UntypedString text ? text.GetValue() : null;
}
