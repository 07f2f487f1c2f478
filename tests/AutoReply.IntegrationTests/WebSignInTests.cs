using System.Net;
using AutoReply.IntegrationTests.Infrastructure;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using AutoReply.RulesApi.People;

namespace AutoReply.IntegrationTests;

/// <summary>The web app the AppHost starts, in Debian's Chromium: people sign in with its cookie and its forms' antiforgery tokens.</summary>
[Collection(nameof(WholeSystem))]
public sealed class WebSignInTests(AppHostFixture system)
{
    private const string DevelopmentEmail = DevelopmentPerson.Email;
    private const string DevelopmentPassword = DevelopmentPerson.Password;

    [Fact]
    public async Task A_person_signs_in_to_the_web_app_sees_their_workspaces_and_signs_out()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(system.Url("web"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("Email").FillAsync(DevelopmentEmail);
        await page.GetByLabel("Password").FillAsync(DevelopmentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workspaces" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Default workspace")).ToBeVisibleAsync();
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "autoreply");
        Assert.True(cookie.HttpOnly);
        await Screenshots.SaveAsync(page, "web-workspaces");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GotoAsync(system.Url("web"));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task A_person_sees_the_workspace_s_phone_numbers_with_those_replying_marked_on_a_desktop_and_a_phone()
    {
        var (replying, quiet) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        // The workspace holds every other test's numbers too: these two are found by a word they share.
        var shared = $"Listed{replying[^4..]}";
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(replying, TestData.NeverOpen($"Replying Dental {shared}"));
        await rules.CreateAutoReplyAsync(replying, "missed_call", "after_hours", "We'll call you back.");
        await rules.PutNumberAsync(quiet, TestData.NeverOpen($"Quiet Plumbing {shared}"));
        await using var browser = await Browser.LaunchAsync();

        foreach (var (width, height, name) in new[] { (1600, 1000, "web-phone-numbers"), (390, 844, "web-phone-numbers-phone") })
        {
            var page = await browser.NewPageAsync(width, height);
            await WebApp.SignInAsync(page, system.Url("web"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Default workspace" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone numbers" })).ToBeVisibleAsync();
            await page.GetByLabel("Find a number by its name or digits").FillAsync(shared.ToLowerInvariant());
            await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
            var replyingCard = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Replying Dental {shared}" });
            await Assertions.Expect(replyingCard).ToContainTextAsync("Auto-replies on (1)");
            await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"Quiet Plumbing {shared}" })).ToContainTextAsync("No auto-replies");
            await WebApp.AssertUsableAsync(page);
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task However_many_numbers_a_workspace_has_each_is_found_by_name_or_digits_and_the_list_pages()
    {
        var token = $"Paged{TestData.PhoneNumber()[^5..]}";
        var rules = new RulesApiClient(system.Client("rules-api"));
        var numbers = Enumerable.Range(0, 55).Select(_ => TestData.PhoneNumber()).ToList();
        foreach (var (number, i) in numbers.Select((number, i) => (number, i)))
        {
            await rules.PutNumberAsync(number, TestData.NeverOpen($"{token} Shop {i:00}"));
        }
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Default workspace" }).ClickAsync();
        var cards = page.Locator(".cards > li");

        await page.GetByLabel("Find a number by its name or digits").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(50);
        await Assertions.Expect(cards.First).ToContainTextAsync($"{token} Shop 00");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(5);
        await Assertions.Expect(cards.Last).ToContainTextAsync($"{token} Shop 54");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next" })).ToHaveCountAsync(0);
        await WebApp.AssertUsableAsync(page);

        // By its digits as a person writes them: spaces, a bracket, without the country code.
        var wanted = numbers[37];
        await page.GetByLabel("Find a number by its name or digits").FillAsync($"({wanted[2..5]}) {wanted[5..8]} {wanted[8..]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync($"{token} Shop 37");
    }

    [Fact]
    public async Task A_wrong_password_is_said_next_to_the_form_and_signs_nobody_in()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync($"{system.Url("web")}/login");
        await page.GetByLabel("Email").FillAsync(DevelopmentEmail);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not right");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "autoreply");
    }

    [Fact]
    public async Task A_sign_in_link_returns_only_to_a_page_of_the_web_app()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{system.Url("web")}/login?returnUrl={Uri.EscapeDataString("//elsewhere.example/")}");
        await page.GetByLabel("Email").FillAsync(DevelopmentEmail);
        await page.GetByLabel("Password").FillAsync(DevelopmentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workspaces" })).ToBeVisibleAsync();
        Assert.StartsWith(system.Url("web"), page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_form_s_antiforgery_token_is_refused()
    {
        using var client = system.App.CreateHttpClient("web", "http");

        var posted = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = DevelopmentEmail,
            ["Input.Password"] = DevelopmentPassword,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.DoesNotContain(posted.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("autoreply=", StringComparison.Ordinal)));
    }
}
