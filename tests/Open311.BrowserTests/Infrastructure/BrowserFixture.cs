using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Open311.Tests.Infrastructure;

namespace Open311.BrowserTests.Infrastructure;

/// <summary>
/// One app on Kestrel and one headless Chromium for a test class. Chromium comes from the system
/// (<c>OPEN311_CHROMIUM</c>, default <c>/usr/bin/chromium</c>); nothing is downloaded. Subclasses seed data in
/// <see cref="SeedAsync"/>.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public KestrelAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => App.BaseAddress;

    /// <summary>The folder full-page screenshots are written to: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = new KestrelAppFactory(_database, TileUrl);
        App.StartServer();
        await SeedAsync(App.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPEN311_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The map tile URL template; empty (no tile layer) unless a subclass serves tiles from a local path.</summary>
    protected virtual string TileUrl => string.Empty;

    /// <summary>Stores the data the tests need, through the app's services.</summary>
    protected virtual Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    /// <summary>Opens a page in a fresh context (own cookies), with JavaScript on or off and an optional viewport width.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Opens a page whose own scripts (<c>/js/</c> and <c>/lib/</c>) are blocked, so it renders as it does without
    /// JavaScript while Playwright can still run axe-core in it; a context with JavaScript disabled cannot.
    /// </summary>
    public async Task<IPage> NewPageWithoutSiteScriptsAsync(int width = 1280)
    {
        var page = await NewPageAsync(width: width);
        await page.RouteAsync("**/js/**", route => route.AbortAsync());
        await page.RouteAsync("**/lib/**/*.js", route => route.AbortAsync());
        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>NAME.png</c> under <see cref="ScreenshotFolder"/>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe-core on the page and returns its serious and critical violations, one line each, for printing.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(node => $"{v.Impact} {v.Id}: {v.Help} at {node.Target}"))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
