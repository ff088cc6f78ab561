using Microsoft.Playwright;
using SingleView.Serve.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Serve.Tests.Browser;

/// <summary>
/// Debian's Chromium through Playwright, launched once per fixture: pages signed in with a bearer token for a role,
/// as a portal in front of SingleView would send it, and screenshots in artifacts/test-results/screenshots/.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<ChromiumSession> LaunchAsync()
    {
        var executable = TestChromium.ExecutablePath();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Args = [.. TestChromium.LaunchArguments],
            Headless = true,
        });
        return new ChromiumSession(playwright, browser);
    }

    /// <summary>A fresh browser context (its own cookies) signed in as the role; no token at all when role is null.</summary>
    public async Task<IPage> PageAsAsync(TestApp app, string? role, string? schoolUrn = null, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString().TrimEnd('/'),
            ExtraHTTPHeaders = role is null ? [] : new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestApp.Token(role, schoolUrn) },
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // A page that never shows what is awaited fails in seconds, not Playwright's 30.
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
