using System.Net;
using System.Net.Http.Json;
using AutoReply.IntegrationTests.Infrastructure;
using Aspire.Hosting.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AutoReply.IntegrationTests;

/// <summary>
/// Every page of the web app through axe-core, the audit accessibility teams run, in both languages,
/// on a desktop and on a phone; and the keyboard shows where it is.
/// </summary>
[Collection(nameof(WholeSystem))]
public sealed class WebAccessibilityTests(AppHostFixture system)
{
    private static readonly Guid DefaultWorkspace = AutoReply.Security.DefaultWorkspace.Id;

    [Theory]
    [InlineData("en", 1600, 1000)]
    [InlineData("en", 390, 844)]
    [InlineData("fr", 1600, 1000)]
    [InlineData("fr", 390, 844)]
    public async Task Every_page_passes_an_axe_audit_with_no_serious_or_critical_violation(string language, int width, int height)
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen($"Audited Dental {number[^4..]}"));
        var reply = await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back.");
        await system.PostEventAsync("call.missed", number, contact);
        await rules.DecisionsWhenAsync(contact, 1);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width, height, locale: language);
        var web = system.Url("web");
        var numberPage = $"{web}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}";
        var violations = new List<string>();

        await AuditAsync(page, $"{web}/login", violations);
        await page.Locator("#email").FillAsync(AutoReply.RulesApi.People.DevelopmentPerson.Email);
        await page.Locator("#password").FillAsync(AutoReply.RulesApi.People.DevelopmentPerson.Password);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        // The URL alone, not also its load event (that wait timed out once in CI); a failure names the page the browser is on.
        await Assertions.Expect(page).ToHaveURLAsync($"{web}/", new() { Timeout = 30_000 });
        foreach (var path in new[]
        {
            "/",
            $"/w/{DefaultWorkspace}/numbers",
            $"/w/{DefaultWorkspace}/numbers/new",
            $"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/settings",
            $"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/new?trigger=voicemail&schedule=business_hours&q=closed",
            $"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{reply.Id}/edit",
            $"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{reply.Id}/delete",
            $"/w/{DefaultWorkspace}/activity?contact={Uri.EscapeDataString(contact)}",
            $"/w/{Guid.NewGuid()}/numbers",
            "/not-found",
            "/offline.html",
        })
        {
            await AuditAsync(page, web + path, violations);
        }
        // The number's page with a test's answer, rule by rule.
        await page.GotoAsync(numberPage);
        await page.Locator("#test-contact").FillAsync(contact);
        await page.Locator("#test-contact").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await AuditLoadedAsync(page, violations);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_keyboard_s_focus_is_visible_on_every_kind_of_control()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers");

        var unmarked = new List<string>();
        for (var presses = 0; presses < 12; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            // A focus ring: an outline the browser draws around the focused control, or a box shadow standing for one.
            var focused = await page.EvaluateAsync<string?>("""
                (() => {
                  const element = document.activeElement;
                  if (element === document.body) {
                    return null;
                  }
                  const style = getComputedStyle(element);
                  const ringed = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
                  return ringed ? null : element.outerHTML.slice(0, 120);
                })()
                """);
            if (focused is not null)
            {
                unmarked.Add(focused);
            }
        }

        Assert.True(unmarked.Count == 0, "No focus ring on: " + string.Join(Environment.NewLine, unmarked));
    }

    private static async Task AuditAsync(IPage page, string url, List<string> violations)
    {
        await page.GotoAsync(url);
        await AuditLoadedAsync(page, violations);
    }

    private static async Task AuditLoadedAsync(IPage page, List<string> violations)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe();
        violations.AddRange(result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{page.Url}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(" | ", violation.Nodes.Select(node => node.Html))}"));
    }
}
