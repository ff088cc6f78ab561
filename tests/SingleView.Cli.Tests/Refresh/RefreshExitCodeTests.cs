using SingleView.Cli.Commands;
using SingleView.Cli.Tests.Support;

namespace SingleView.Cli.Tests.Refresh;

/// <summary>
/// <c>singleview refresh</c> says by its exit code alone whether everything was published, something was
/// held, nothing was published or the configuration is wrong, so a scheduler watching exit codes notices.
/// </summary>
public class RefreshExitCodeTests : CommandLineFixture
{
    private string drops = string.Empty;

    [SetUp]
    public async Task GenerateAuthority()
    {
        var authority = Path.Combine(Folder, "authority");
        (await RunAsync("samples", "generate", "--children", "40", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        drops = Path.Combine(authority, "drops");
    }

    [Test]
    public async Task Refresh_EveryFeedDelivered_ExitsPublished()
    {
        var (exit, output, _) = await RunAsync([.. Common, "refresh", "--drops", drops]);

        exit.ShouldBe(RefreshExitCodes.Published);
        exit.ShouldBe(0);
        output.ShouldContain("published");
    }

    [Test]
    public async Task Refresh_SameDeliveriesAgain_ExitsPublished()
    {
        (await RunAsync([.. Common, "refresh", "--drops", drops])).Exit.ShouldBe(0);

        (await RunAsync([.. Common, "refresh", "--drops", drops])).Exit.ShouldBe(RefreshExitCodes.Published);
    }

    // Each way a delivery is held or a feed has none: header only, a required column missing, no file, no folder.
    [TestCase("header only")]
    [TestCase("required column missing")]
    [TestCase("no file")]
    [TestCase("no drop folder")]
    public async Task Refresh_AFeedHeldOrNotAvailable_ExitsPublishedWithFeedsHeldNamingTheFeed(string problem)
    {
        var police = Path.Combine(drops, "police");
        var file = Directory.GetFiles(police).Single();
        var lines = File.ReadAllLines(file);
        switch (problem)
        {
            case "header only":
                File.WriteAllLines(file, lines.Take(1));
                break;
            case "required column missing":
                // The feed's own record id is always required: drop the first column (its header and every value).
                File.WriteAllLines(file, lines.Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));
                break;
            case "no file":
                File.Delete(file);
                break;
            default:
                Directory.Delete(police, recursive: true);
                break;
        }

        var (exit, output, error) = await RunAsync([.. Common, "refresh", "--drops", drops]);

        exit.ShouldBe(RefreshExitCodes.PublishedWithFeedsHeld);
        exit.ShouldBe(3);
        output.ShouldContain("published");
        error.ShouldContain("police");
    }

    [Test]
    public async Task Refresh_FailsAfterStarting_ExitsNothingPublishedWithOneLine()
    {
        // A serving database under a path whose folder is a file: the run cannot open it.
        var notAFolder = Path.Combine(Folder, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "a file");

        var (exit, _, error) = await RunAsync([.. Common, "--database", Path.Combine(notAFolder, "serving.db"), "refresh", "--drops", drops]);

        exit.ShouldBe(RefreshExitCodes.NothingPublished);
        exit.ShouldBe(1);
        error.ShouldContain("published nothing");
        error.ShouldNotContain("   at ");
    }

    [Test]
    public async Task Refresh_UnknownOption_ExitsBadConfiguration()
    {
        var (exit, _, _) = await RunAsync([.. Common, "refresh", "--drops", drops, "--no-such-option"]);

        exit.ShouldBe(RefreshExitCodes.BadConfiguration);
        exit.ShouldBe(2);
    }

    [Test]
    public async Task Help_Refresh_ListsEveryExitCode()
    {
        var (exit, output, _) = await RunAsync("refresh", "--help");

        exit.ShouldBe(0);
        output.ShouldContain("Exit codes:");
        foreach (var code in new[] { "0  published", "3  published, but", "1  nothing published", "2  bad configuration" }) output.ShouldContain(code);
    }
}
