using Dapper;
using SingleView.Core.Configuration;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Refresh.Evaluation;
using SingleView.Tests.Shared;

namespace SingleView.Refresh.Tests;

public class NightlyRefreshTests
{
    [Test]
    public async Task RunAsync_GeneratedAuthority_PublishesEveryFeed()
    {
        using var authority = new Authority();

        var report = await Authority.Refresh().RunAsync(authority.Options());

        report.Feeds.Count.ShouldBeGreaterThanOrEqualTo(7);
        report.Feeds.ShouldAllBe(f => f.State == FeedState.Current);
        report.GoldenRecords.ShouldBeLessThan(report.SourceRecords);
        report.Families.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task RunAsync_GeneratedAuthority_LinksWithoutFalseMergesOrMergedTwins()
    {
        using var authority = new Authority();
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);

        var evaluation = await TruthEvaluation.RunAsync(options.ResolvedDatabase, authority.Truth);

        evaluation.Figures.Precision.ShouldBeGreaterThanOrEqualTo(0.99);
        evaluation.Figures.Recall.ShouldBeGreaterThanOrEqualTo(0.9);
        evaluation.Figures.TwinPairs.ShouldBeGreaterThan(0);
        evaluation.Figures.TwinPairsMerged.ShouldBe(0);
    }

    [Test]
    public async Task RunAsync_Twice_SameGoldenIds()
    {
        using var authority = new Authority();
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);
        var first = await GoldenIdsAsync(options.ResolvedDatabase);

        await Authority.Refresh().RunAsync(options);

        (await GoldenIdsAsync(options.ResolvedDatabase)).ShouldBe(first);
    }

    [Test]
    public async Task RunAsync_FeedFolderEmpty_ReportedNotAvailableAndTheOthersPublish()
    {
        using var authority = new Authority();
        foreach (var file in Directory.GetFiles(Path.Combine(authority.Drops, "police"))) File.Delete(file);

        var report = await Authority.Refresh().RunAsync(authority.Options());

        report.Feeds.Single(f => f.Feed == "police").State.ShouldBe(FeedState.NotAvailable);
        report.Feeds.Where(f => f.Feed != "police").ShouldAllBe(f => f.State == FeedState.Current);
        report.GoldenRecords.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task RunAsync_MalformedFeedDefinition_StopsNamingFileAndFieldBeforePublishing()
    {
        using var authority = new Authority(children: 20);
        var pipelines = Directory.CreateDirectory(Path.Combine(authority.Folder, "pipelines")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Pipelines, "*.yaml")) File.Copy(file, Path.Combine(pipelines, Path.GetFileName(file)));
        var school = Path.Combine(pipelines, "school.yaml");
        File.WriteAllText(school, File.ReadAllText(school).Replace("service: school", "service: astrology", StringComparison.Ordinal));
        var options = authority.Options(pipelines: pipelines);

        var error = await Should.ThrowAsync<ConfigurationException>(() => Authority.Refresh().RunAsync(options));

        error.File.ShouldBe(school);
        error.Field.ShouldBe("service");
        File.Exists(Path.Combine(options.DataDirectory, "singleview.db")).ShouldBeFalse();
    }

    [Test]
    public async Task RunAsync_PostgreSql_PublishesTheSameAsSqlite()
    {
        using var authority = new Authority(children: 100);
        var sqlite = authority.Options();
        await Authority.Refresh().RunAsync(sqlite);
        var admin = TestServers.PostgreSqlConnectionString();
        var name = "sv_refresh_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new Npgsql.NpgsqlConnection(admin)) await connection.ExecuteAsync($"CREATE DATABASE {name}");
        try
        {
            var postgres = ServingDatabase.PostgreSql(new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());

            await Authority.Refresh().RunAsync(authority.Options(postgres));

            (await GoldenIdsAsync(postgres)).ShouldBe(await GoldenIdsAsync(sqlite.ResolvedDatabase));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(admin);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<List<string>> GoldenIdsAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT golden_id FROM person ORDER BY golden_id")).ToList();
    }
}
