using Dapper;

namespace SingleView.Publish.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class MigrationRunnerTests(DatabaseProvider provider)
{
    [Test]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryScriptInOrder()
    {
        await using var test = await TestDatabase.CreateAsync(provider);

        var applied = await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();

        applied.Select(s => s.Version).ShouldBe(MigrationRunner.EmbeddedScripts().Select(s => s.Version));
        await using var connection = await test.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM person")).ShouldBe(0);
    }

    [Test]
    public async Task ApplyAsync_SecondRun_AppliesNothing()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();

        var again = await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();

        again.ShouldBeEmpty();
    }

    [Test]
    public async Task ApplyAsync_TwoHostsAtOnce_EachScriptRecordedOnce()
    {
        await using var test = await TestDatabase.CreateAsync(provider);

        await Task.WhenAll(
            new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync(),
            new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync());

        await using var connection = await test.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version")).ShouldBe(MigrationRunner.EmbeddedScripts().Count);
    }
}
