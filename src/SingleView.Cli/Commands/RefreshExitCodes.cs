using SingleView.Core.Model;
using SingleView.Refresh;

namespace SingleView.Cli.Commands;

/// <summary>
/// What <c>singleview refresh</c> exits with, so a scheduler that watches only the exit code sees a held
/// feed as well as a failed run. Documented in <c>--help</c> and the README ("Exit codes").
/// </summary>
internal static class RefreshExitCodes
{
    /// <summary>Published, and every feed's delivery (new or unchanged) is in use.</summary>
    public const int Published = CommandLine.ExitOk;

    /// <summary>Nothing was published (the refresh failed, was cancelled, or another refresh is running): the previous view stays.</summary>
    public const int NothingPublished = CommandLine.ExitFailure;

    /// <summary>A configuration or feed definition file is malformed, a folder is missing, or the command line is wrong; nothing was touched.</summary>
    public const int BadConfiguration = CommandLine.ExitBadInput;

    /// <summary>Published, but at least one feed's delivery was held or the feed has none: its previous delivery (or nothing) is in use.</summary>
    public const int PublishedWithFeedsHeld = 3;

    /// <summary>The text under the refresh command in <c>--help</c>.</summary>
    public const string Help = """
        Exit codes:
          0  published; every feed's delivery (new or unchanged) is in use
          3  published, but a feed's delivery was held or a feed has none (the reason is printed per feed)
          1  nothing published: the refresh failed or another refresh is running; the previous view stays
          2  bad configuration: a config or feed definition file, a folder or the command line is wrong
        """;

    /// <summary>Held and not-available feeds: a delivery refused (the previous one kept) or no usable delivery at all.</summary>
    public static IReadOnlyList<FeedCoverage> HeldFeeds(RefreshReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Feeds.Where(f => f.State is FeedState.Held or FeedState.NotAvailable).ToList();
    }

    public static int For(RefreshReport report) => HeldFeeds(report).Count > 0 ? PublishedWithFeedsHeld : Published;
}
