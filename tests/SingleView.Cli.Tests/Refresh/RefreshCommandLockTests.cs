using SingleView.Cli.Tests.Support;
using SingleView.Publish;
using SingleView.Schedule.Storage;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Refresh;

/// <summary>A refresh by hand takes the scheduler's lock, so it never runs beside the night's.</summary>
public class RefreshCommandLockTests : CommandLineFixture
{
    [Test]
    public async Task Refresh_WhileTheSchedulerHoldsTheLock_RefusesNamingTheHolderAndPublishesNothing()
    {
        var data = Directory.CreateDirectory(Path.Combine(Folder, "data")).FullName;
        var database = ServingDatabase.Sqlite(Path.Combine(data, "singleview.db"));
        await using var held = await new RefreshLock(database, TimeProvider.System).AcquireAsync("nightly refresh on host-a");

        var (exit, _, error) = await RunAsync(["refresh", .. Common, "--drops", Path.Combine(RepositoryRoot.Samples, "drops")]);

        exit.ShouldBe(CommandLine.ExitFailure);
        error.ShouldContain("nightly refresh on host-a");
        Directory.Exists(Path.Combine(data, "lake")).ShouldBeFalse();
    }
}

/// <summary>A refresh by hand is in the same run history as the scheduler's.</summary>
public class RefreshCommandHistoryTests : CommandLineFixture
{
    [Test]
    public async Task Refresh_ThenRuns_ListsTheCommandLineRunAsSucceeded()
    {
        (await RunAsync(["refresh", .. Common, "--drops", Path.Combine(RepositoryRoot.Samples, "drops")])).Exit.ShouldBe(0);

        var (exit, output, _) = await RunAsync(["runs", .. Common]);

        exit.ShouldBe(0);
        output.ShouldContain("cli");
        output.ShouldContain("Succeeded");
    }
}
