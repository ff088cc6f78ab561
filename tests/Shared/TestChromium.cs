namespace SingleView.Tests.Shared;

/// <summary>
/// Debian's Chromium for the Playwright browser tests (scripts/start-chromium.sh installs it). Where it is
/// missing a browser test is skipped locally but fails when SINGLEVIEW_REQUIRE_SERVERS=1, as in CI.
/// </summary>
internal static class TestChromium
{
    /// <summary>What DEPENDENCIES.md says Chromium needs here: no sandbox as root, no GPU, no network of its own.</summary>
    public static readonly IReadOnlyList<string> LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable("SINGLEVIEW_TEST_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        if (File.Exists(path)) return path;
        var message = $"Chromium is not available at {path} (run ./test.sh, which installs it with scripts/start-chromium.sh)";
        if (Environment.GetEnvironmentVariable("SINGLEVIEW_REQUIRE_SERVERS") == "1") Assert.Fail(message);
        Assert.Ignore(message);
        return string.Empty;
    }
}
