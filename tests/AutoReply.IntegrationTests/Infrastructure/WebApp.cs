using Microsoft.Playwright;
using AutoReply.RulesApi.People;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>The web app as a person uses it in Chromium: signed in as the development person.</summary>
public static class WebApp
{
    public static async Task SignInAsync(IPage page, string webUrl)
    {
        await page.GotoAsync($"{webUrl}/login");
        await page.GetByLabel("Email").FillAsync(DevelopmentPerson.Email);
        await page.GetByLabel("Password").FillAsync(DevelopmentPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workspaces" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The page is usable on the screen it is shown on: nothing scrolls sideways, every control has a
    /// label, and every control is large enough to tap (44 px, as platform guidelines ask).
    /// </summary>
    public static async Task AssertUsableAsync(IPage page)
    {
        // Measured once the stylesheet has applied: a page still loading has the browser's default sizes.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways.");
        var unlabelled = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(control => control.labels.length === 0 && !control.getAttribute('aria-label'))
              .map(control => control.outerHTML)
            """);
        Assert.Empty(unlabelled);
        var small = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('button, a.button, input:not([type=hidden]), select, textarea, nav.workspace a, summary')]
              .filter(control => control.offsetParent !== null && control.getBoundingClientRect().height < 44)
              .map(control => control.outerHTML)
            """);
        Assert.Empty(small);
    }

    /// <summary>Presses Tab until the focused control is the one named <paramref name="name"/> (its label, its accessible name or its text).</summary>
    public static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("""
                (() => {
                  const element = document.activeElement;
                  return element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
                })()
                """);
            if (focused.Trim() == name)
            {
                return;
            }
        }
        Assert.Fail($"Tab never reaches \"{name}\" on {page.Url}.");
    }

    /// <summary>Reloads the loaded page until <paramref name="expected"/> shows: what the page lists arrives asynchronously (a decision, a delivery).</summary>
    public static async Task ReloadUntilAsync(IPage page, ILocator expected)
    {
        await Eventually.ReadAsync(async () =>
        {
            if (await expected.CountAsync() == 0)
            {
                await page.ReloadAsync();
            }
            return await expected.CountAsync();
        }, count => count > 0);
        await Assertions.Expect(expected.First).ToBeVisibleAsync();
    }
}
