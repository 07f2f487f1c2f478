using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AutoReply.Contracts;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace AutoReply.IntegrationTests;

/// <summary>
/// A business owner reads on a number's page, in Debian's Chromium on a phone, what happened over the
/// last days: a chart drawn by the server, the same figures in a table, and today's send allowance.
/// </summary>
[Collection(nameof(WholeSystem))]
public sealed class WebSummaryTests(AppHostFixture system)
{
    private static readonly Guid DefaultWorkspace = AutoReply.Security.DefaultWorkspace.Id;

    [Fact]
    public async Task A_number_s_page_charts_its_last_days_with_the_figures_in_a_table_and_today_s_allowance_on_a_phone()
    {
        var (number, repeated, texted) = (TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen($"Chart Opticians {number[^4..]}"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "We'll call you back.");
        await system.PostEventAsync("call.missed", number, repeated);
        await Eventually.ReadAsync(() => rules.DecisionsAsync(repeated), d => d.SingleOrDefault()?.State == DeliveryState.Delivered);
        await system.PostEventAsync("call.missed", number, repeated);
        await system.PostEventAsync("message.received", number, texted);
        await rules.DecisionsWhenAsync(repeated, 2);
        await rules.DecisionsWhenAsync(texted, 1);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "This number's calls, voicemails and texts over the last 14 days, and what came of them: replied or not sent, and why" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToHaveAccessibleDescriptionAsync("Days in America/New_York. The figures are in the table below the chart.");
        await Assertions.Expect(page.Locator(".legend li")).ToHaveTextAsync(["Replied", "Not sent: Cooldown", "Not sent: No auto-reply for the slot"]);
        await page.GetByText("The figures, day by day").ClickAsync();
        var table = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(14);
        var headers = await table.Locator("thead th").AllInnerTextsAsync();
        var today = await table.Locator("tbody tr").Last.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Day"] = TodayInNewYork().ToString("dddd d MMMM", CultureInfo.InvariantCulture),
                ["Missed calls"] = "2", ["Voicemails"] = "0", ["Texts"] = "1", ["Replied"] = "1", ["Delivered"] = "1",
                ["Not sent: Cooldown"] = "1", ["Not sent: No auto-reply for the slot"] = "1",
            },
            headers.Zip(today).ToDictionary(cell => cell.First, cell => cell.Second));
        // Only today's bar has parts: replied, cooldown and no auto-reply.
        await Assertions.Expect(chart.Locator("rect")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Meter, new() { Name = "Texts sent today, of this number's daily allowance" })).ToHaveAttributeAsync("value", "1");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-number-summary-phone");
    }

    private static DateOnly TodayInNewYork() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
}
