using Microsoft.Playwright;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright: Playwright's own browser download cannot reach the
/// internet here, so it launches the installed <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser chromium;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking switches Chromium keeps trying hosts this machine cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A page of a new browser profile; <paramref name="locale"/> is the language it asks pages in (Accept-Language), English when none.</summary>
    public Task<IPage> NewPageAsync(int width = 1600, int height = 1000, string? locale = null) =>
        chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale });

    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>Screenshots kept as test artifacts: attached to the test's result and saved under <c>TestResults/artifacts</c>.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var image = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var folder = Path.Combine(Repository.Root, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{name}.png"), image, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment(name, image, "image/png");
    }
}
