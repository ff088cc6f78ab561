using SingleView.Publish;
using SingleView.Schedule.Storage;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Refresh;

/// <summary>A refresh by hand takes the scheduler's lock, so it never runs beside the night's.</summary>
public class RefreshCommandLockTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("singleview-cli-lock-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Refresh_WhileTheSchedulerHoldsTheLock_RefusesNamingTheHolderAndPublishesNothing()
    {
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        var database = ServingDatabase.Sqlite(Path.Combine(data, "singleview.db"));
        await using var held = await new RefreshLock(database, TimeProvider.System).AcquireAsync("nightly refresh on host-a");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(
            ["refresh", "--data", data, "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines, "--drops", Path.Combine(RepositoryRoot.Samples, "drops")],
            TimeProvider.System, output, error);

        exit.ShouldBe(CommandLine.ExitFailure);
        error.ToString().ShouldContain("nightly refresh on host-a");
        Directory.Exists(Path.Combine(data, "lake")).ShouldBeFalse();
    }
}

/// <summary>A refresh by hand is in the same run history as the scheduler's.</summary>
public class RefreshCommandHistoryTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("singleview-cli-history-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Refresh_ThenRuns_ListsTheCommandLineRunAsSucceeded()
    {
        var data = Path.Combine(folder, "data");
        string[] common = ["--data", data, "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines];
        using var ignored = new StringWriter();
        (await CommandLine.RunAsync(["refresh", .. common, "--drops", Path.Combine(RepositoryRoot.Samples, "drops")], TimeProvider.System, ignored, ignored)).ShouldBe(0);
        using var output = new StringWriter();

        (await CommandLine.RunAsync(["runs", .. common], TimeProvider.System, output, ignored)).ShouldBe(0);

        output.ToString().ShouldContain("cli");
        output.ToString().ShouldContain("Succeeded");
    }
}
