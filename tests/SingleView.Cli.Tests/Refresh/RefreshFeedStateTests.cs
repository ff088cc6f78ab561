using System.Diagnostics;
using SingleView.Cli.Tests.Support;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Refresh;

/// <summary>
/// A delivery the lake holds but the view has never shown — standardised by <c>ingest</c> alone, or by a refresh
/// killed before it published — is published as current by the next refresh, not reported as "no new delivery".
/// </summary>
public class RefreshFeedStateTests : CommandLineFixture
{
    private static readonly string[] Feeds = ["adult-social-care", "ehm", "health", "housing", "lcs", "police", "school", "youth-justice"];

    private string drops = string.Empty;

    [SetUp]
    public async Task GenerateAuthority()
    {
        var authority = Path.Combine(Folder, "authority");
        (await RunAsync("samples", "generate", "--children", "40", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        drops = Path.Combine(authority, "drops");
    }

    [Test]
    public async Task Refresh_AfterIngestAlone_PublishesEveryDeliveryAsCurrent()
    {
        (await RunAsync([.. Common, "ingest", "--drops", drops])).Exit.ShouldBe(0);

        var (exit, output, _) = await RunAsync([.. Common, "refresh", "--drops", drops]);

        exit.ShouldBe(0);
        foreach (var feed in Feeds) FeedLine(output, feed).ShouldContain(" Current ");
        output.ShouldNotContain("stays in use");
    }

    [Test]
    public async Task Refresh_AfterARefreshKilledOnceItsFeedsWereStandardised_PublishesThemAsCurrent()
    {
        var data = Path.Combine(Folder, "data");
        await RefreshKilledWhenAsync(data, () => Directory.Exists(Path.Combine(data, "lake", "standardised", "youth-justice")));

        var (exit, output, _) = await RunAsync([.. Common, "refresh", "--drops", drops]);

        exit.ShouldBe(0);
        foreach (var feed in Feeds) FeedLine(output, feed).ShouldContain(" Current ");
    }

    [Test]
    public async Task Refresh_SameDeliveriesAfterAPublish_AreNoNewDelivery()
    {
        (await RunAsync([.. Common, "refresh", "--drops", drops])).Exit.ShouldBe(0);

        var (_, output, _) = await RunAsync([.. Common, "refresh", "--drops", drops]);

        foreach (var feed in Feeds) FeedLine(output, feed).ShouldContain(" NoNewDelivery ");
    }

    private static string FeedLine(string output, string feed) =>
        output.Split('\n').Single(line => line.StartsWith($"  {feed} ", StringComparison.Ordinal));

    // The built command in a process of its own, killed (SIGKILL) as soon as the condition holds: it never publishes.
    private async Task RefreshKilledWhenAsync(string data, Func<bool> reached)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "singleview.dll"), "refresh", "--data", data, "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines, "--drops", drops })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!process.HasExited && !reached()) await Task.Delay(2);
        process.HasExited.ShouldBeFalse("the refresh ended before its feeds were standardised");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        File.Exists(Path.Combine(data, "singleview.db")).ShouldBeTrue();
    }
}
