using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Tests.Shared;

namespace SingleView.Serve.Tests.Support;

/// <summary>
/// A synthetic authority (eight feeds; 4,000 children, so that some dozens of people are restricted) generated,
/// refreshed into a fresh SQLite serving database with the committed configuration, and the app over it with the
/// workbench reading that refresh's lake.
/// </summary>
internal sealed class SampleAuthority : IAsyncDisposable
{
    public const int Children = 4_000;

    private readonly string folder;

    private SampleAuthority(string folder, ServingDatabase database, TestApp app)
    {
        this.folder = folder;
        Database = database;
        App = app;
    }

    public ServingDatabase Database { get; }

    public TestApp App { get; }

    public static async Task<SampleAuthority> PublishAsync()
    {
        var folder = Directory.CreateTempSubdirectory("singleview-sample-authority-").FullName;
        var data = Path.Combine(folder, "data");
        var config = Path.Combine(folder, "config");
        Directory.CreateDirectory(config);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Config)) File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        // The committed workbench.yaml names a lake relative to the working directory; this one is the refresh's own.
        var workbench = Path.Combine(config, "workbench.yaml");
        var lines = (await File.ReadAllLinesAsync(workbench))
            .Select(l => l.StartsWith("lake_directory:", StringComparison.Ordinal) ? $"lake_directory: {Path.Combine(data, "lake")}"
                : l.StartsWith("pipelines_directory:", StringComparison.Ordinal) ? $"pipelines_directory: {RepositoryRoot.Pipelines}"
                : l);
        await File.WriteAllLinesAsync(workbench, lines);
        SingleView.Samples.SampleAuthorityGenerator.Generate(new SingleView.Samples.SampleAuthorityOptions
        {
            Children = Children,
            Seed = 15,
            OutputDirectory = Path.Combine(folder, "samples"),
            ExtractDate = DateOnly.FromDateTime(SampleData.Today.UtcDateTime).AddDays(-1),
        });
        var database = ServingDatabase.Sqlite(Path.Combine(data, "singleview.db"));
        await new NightlyRefresh(TimeProvider.System, NullLoggerFactory.Instance).RunAsync(new RefreshOptions
        {
            DataDirectory = data,
            ConfigDirectory = config,
            PipelinesDirectory = RepositoryRoot.Pipelines,
            DropRoot = Path.Combine(folder, "samples", "drops"),
            Database = database,
        });
        var app = await TestApp.StartAsync(database, configDirectory: config);
        return new SampleAuthority(folder, database, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
