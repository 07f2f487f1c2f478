using Microsoft.Playwright;

namespace AutoReply.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright: Playwright's own browser download cannot reach the
/// internet here, so it launches the installed <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Without the background-networking switches Chromium keeps trying hosts this machine cannot reach.
    internal static readonly string[] Switches = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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
            Args = Switches,
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

/// <summary>
/// Debian's Chromium with a profile of its own on disk, as a person's browser is: every context
/// <see cref="Browser"/> opens is incognito, and Chromium offers to install an app only outside it.
/// </summary>
public sealed class ProfileBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowserContext profile;
    private readonly TestDataDirectory folder;

    private ProfileBrowser(IPlaywright playwright, IBrowserContext profile, TestDataDirectory folder)
    {
        this.playwright = playwright;
        this.profile = profile;
        this.folder = folder;
    }

    public static async Task<ProfileBrowser> LaunchAsync()
    {
        var folder = new TestDataDirectory();
        var playwright = await Playwright.CreateAsync();
        var profile = await playwright.Chromium.LaunchPersistentContextAsync(folder.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Browser.ChromiumPath,
            Headless = true,
            Args = Browser.Switches,
        });
        return new ProfileBrowser(playwright, profile, folder);
    }

    public async Task<IPage> NewPageAsync(int width = 1600, int height = 1000)
    {
        var page = await profile.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await profile.DisposeAsync();
        playwright.Dispose();
        folder.Dispose();
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
