using Microsoft.Extensions.DependencyInjection;
using SingleView.Publish;
using SingleView.Serve.Quality;
using SingleView.Serve.Workbench;
using SingleView.Tests.Shared;

namespace SingleView.Serve.Tests.Workbench;

/// <summary>workbench.yaml's lake_directory is read from the data directory, not the working directory.</summary>
public sealed class WorkbenchSettingsTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("singleview-workbench-settings-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Load_CommittedConfig_LakeIsTheDataDirectorysLake()
    {
        var data = Path.Combine(folder, "elsewhere");

        WorkbenchSettings.Load(RepositoryRoot.Config, data).LakeDirectory.ShouldBe(Path.Combine(data, "lake"));
    }

    [Test]
    public void Load_AbsoluteLakeDirectory_IsKeptAsGiven()
    {
        var config = Directory.CreateDirectory(Path.Combine(folder, "config")).FullName;
        var lake = Path.Combine(folder, "shared", "lake");
        File.WriteAllText(Path.Combine(config, WorkbenchSettings.FileName), $"lake_directory: {lake}\n");

        WorkbenchSettings.Load(config, Path.Combine(folder, "data")).LakeDirectory.ShouldBe(lake);
    }

    [Test]
    public void AddServices_DataDirectoryOtherThanTheDefault_QualityReportsReadItsLake()
    {
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(Path.Combine(data, "lake"));
        var database = ServingDatabase.Sqlite(Path.Combine(data, "singleview.db"));
        var services = new ServiceCollection();
        services.AddSingleton(database);
        // The quality reports withhold restricted people's values, which the serving reader knows.
        services.AddSingleton(_ => new Serve.Data.ServingReader(database));

        WorkbenchEndpoints.AddServices(services, new ServeOptions { Database = database, ConfigDirectory = RepositoryRoot.Config, DataDirectory = data });

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<QualityReports>().HasLake.ShouldBeTrue();
    }
}
