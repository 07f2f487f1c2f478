using System.Text.Json;
using System.Text.Json.Nodes;
using AutoReply.Web.Numbers;
using AutoReply.Web.Rules;
using AutoReply.Web.RulesApi.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace AutoReply.UnitTests.Web;

public sealed class NumberSettingsInputTests
{
    [Fact]
    public void The_form_becomes_the_api_s_settings_with_closed_days_empty_and_blank_override_rows_left_out()
    {
        var input = new NumberSettingsInput { Name = " Acme Dental ", TimeZone = "Europe/Paris" }.WithBlankOverrides();
        input.Hours[0] = "9:00-12:00, 13:00-17:00";
        input.Overrides[1] = new OverrideInput { Date = "2026-12-25" };

        var (settings, errors) = input.ToSettings(WebText.T);

        Assert.Empty(errors);
        var sent = AsSent(settings!);
        Assert.Equal("Acme Dental", (string?)sent["name"]);
        Assert.Equal("""[{"open":"09:00","close":"12:00"},{"open":"13:00","close":"17:00"}]""", sent["businessHours"]!["monday"]!.ToJsonString());
        Assert.Equal("[]", sent["businessHours"]!["sunday"]!.ToJsonString());
        Assert.Equal("""[{"date":"2026-12-25","hours":[]}]""", sent["overrides"]!.ToJsonString());
    }

    [Fact]
    public void Hours_the_form_cannot_read_are_errors_keyed_like_the_api_s_fields()
    {
        var input = new NumberSettingsInput { Name = "Acme", TimeZone = "Europe/Paris" };
        input.Hours[1] = "nine to five";
        input.Overrides = [new OverrideInput(), new OverrideInput { Date = "2026-12-24", Hours = "mornings" }];

        var (settings, errors) = input.ToSettings(WebText.T);

        Assert.Null(settings);
        Assert.Equal(["businessHours.tuesday", "overrides[0]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Saved_settings_fill_the_form_with_two_blank_rows_for_new_overrides()
    {
        var saved = AsReceived("""
            {"phoneNumber": "+14155550100", "name": "Acme", "timeZone": "Europe/Paris",
             "businessHours": {"saturday": [{"open": "10:00", "close": "24:00"}]},
             "overrides": [{"date": "2026-12-25", "hours": []}],
             "cooldown": "PT3H", "recentActivityWindow": "PT3H", "maxEventAge": "PT15M"}
            """);

        var input = NumberSettingsInput.From("+14155550100", saved);

        Assert.Equal("10:00-24:00", input.Hours[5]);
        Assert.Equal(["2026-12-25", "", ""], input.Overrides.Select(o => o.Date));
    }

    private static JsonNode AsSent(IParsable body)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, body);
        return JsonNode.Parse(writer.GetSerializedContent())!;
    }

    private static NumberSettingsResponse AsReceived(string json) =>
        new JsonParseNode(JsonDocument.Parse(json).RootElement).GetObjectValue(NumberSettingsResponse.CreateFromDiscriminatorValue)!;

    [Fact]
    public void An_api_error_inside_a_field_is_shown_with_that_field()
    {
        var problem = new RulesProblem(System.Net.HttpStatusCode.BadRequest, null, new Dictionary<string, string[]>
        {
            ["businessHours.monday[1]"] = ["overlaps"],
            ["overrides[0].date"] = ["not a date"],
            ["overrides[10].date"] = ["elsewhere"],
        });

        Assert.Equal(["overlaps"], problem.ErrorsOf("businessHours.monday"));
        Assert.Equal(["not a date"], problem.ErrorsOf("overrides[0]"));
    }
}
