using System.Text.Json;
using System.Text.RegularExpressions;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace AutoReply.IntegrationTests;

/// <summary>
/// The web app as an installed app, in Debian's Chromium: its manifest and icons meet Chromium's
/// install criteria, and its service worker shows an offline page, in English and in French,
/// instead of the browser's error, while keeping nothing of a person's pages.
/// </summary>
[Collection(nameof(WholeSystem))]
public sealed class WebInstallTests(AppHostFixture system)
{
    [Fact]
    public async Task The_web_app_meets_chromium_s_install_criteria_on_a_desktop_and_a_phone()
    {
        await using var browser = await ProfileBrowser.LaunchAsync();

        foreach (var (width, height) in new[] { (1600, 1000), (390, 844) })
        {
            // Signed out: Chromium fetches the manifest and its icons without the person's cookie.
            var page = await browser.NewPageAsync(width, height);
            await page.GotoAsync(system.Url("web"));
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
            await ControlledByTheServiceWorkerAsync(page);
            var devTools = await page.Context.NewCDPSessionAsync(page);

            var manifest = (await devTools.SendAsync("Page.getAppManifest"))!.Value;
            Assert.EndsWith("/manifest.webmanifest", manifest.GetProperty("url").GetString());
            Assert.Empty(manifest.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("message").GetString()));
            var parsed = JsonDocument.Parse(manifest.GetProperty("data").GetString()!).RootElement;
            Assert.Equal("AutoReply", parsed.GetProperty("name").GetString());
            Assert.Equal("standalone", parsed.GetProperty("display").GetString());
            Assert.Contains(parsed.GetProperty("icons").EnumerateArray(), icon => icon.GetProperty("purpose").GetString() == "maskable");

            var installability = (await devTools.SendAsync("Page.getInstallabilityErrors"))!.Value;
            Assert.Empty(installability.GetProperty("installabilityErrors").EnumerateArray().Select(error => error.GetProperty("errorId").GetString()));
        }
    }

    [Fact]
    public async Task Offline_the_web_app_shows_a_page_that_says_so()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));
        await ControlledByTheServiceWorkerAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync($"{system.Url("web")}/");

        var english = page.Locator("section[lang=en]");
        await Assertions.Expect(english.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        await Assertions.Expect(english).ToContainTextAsync("This page will work again when the connection is back.");
        var french = page.Locator("section[lang=fr]");
        await Assertions.Expect(french.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes hors ligne" })).ToBeVisibleAsync();
        await Assertions.Expect(french).ToContainTextAsync("Cette page fonctionnera de nouveau dès le retour de la connexion.");
        // The app's stylesheet, kept by the worker, still applies: the button is the app's green.
        var tryAgain = english.GetByRole(AriaRole.Link, new() { Name = "Try again" });
        await Assertions.Expect(tryAgain).ToHaveCSSAsync("background-color", "rgb(31, 136, 61)");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-offline-phone");

        await page.Context.SetOfflineAsync(false);
        await tryAgain.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workspaces" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_browser_keeps_nothing_of_a_person_s_pages_only_the_offline_page_and_its_stylesheet()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await WebApp.SignInAsync(page, system.Url("web"));
        await ControlledByTheServiceWorkerAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Default workspace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone numbers" })).ToBeVisibleAsync();

        var kept = await page.EvaluateAsync<string[]>("""
            (async () => {
              const urls = [];
              for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) {
                  urls.push(new URL(request.url).pathname);
                }
              }
              return urls.sort();
            })()
            """);

        Assert.Equal(["/app.css", "/offline.html"], kept);
    }

    /// <summary>Waits (Playwright's timeout at most) until the app's service worker answers this page's requests.</summary>
    private static async Task ControlledByTheServiceWorkerAsync(IPage page)
    {
        var worker = await page.WaitForFunctionAsync("navigator.serviceWorker.controller?.scriptURL");
        Assert.Equal("/service-worker.js", new Uri(await worker.JsonValueAsync<string>()).AbsolutePath);
    }
}
