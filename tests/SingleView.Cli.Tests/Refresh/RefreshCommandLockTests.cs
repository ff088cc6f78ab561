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
