using SingleView.Publish;
using SingleView.Schedule.Storage;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class QuartzSchemaInstallerTests(DatabaseProvider provider)
{
    [Test]
    public async Task Install_FreshDatabase_CreatesQuartzTablesAndRecordsVersion5()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var ran = await new QuartzSchemaInstaller(db.Database, TimeProvider.System).InstallAsync();

        ran.ShouldBeTrue();
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM qrtz_triggers")).ShouldBe(0);
        (await db.ScalarAsync<string>("SELECT name FROM schema_version WHERE version = 5")).ShouldBe(QuartzSchemaInstaller.ScriptName(provider));
    }

    [Test]
    public async Task Install_Twice_RunsOnce()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var installer = new QuartzSchemaInstaller(db.Database, TimeProvider.System);
        await installer.InstallAsync();

        (await installer.InstallAsync()).ShouldBeFalse();
    }

    [Test]
    public async Task Install_TwoHostsAtOnce_BothSucceedAndOneRuns()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var ran = await Task.WhenAll(
            new QuartzSchemaInstaller(db.Database, TimeProvider.System).InstallAsync(),
            new QuartzSchemaInstaller(db.Database, TimeProvider.System).InstallAsync());

        ran.Count(r => r).ShouldBe(1);
    }

    [Test]
    public async Task Install_Always_AppliesMigration0004()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        await new QuartzSchemaInstaller(db.Database, TimeProvider.System).InstallAsync();

        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = 4")).ShouldBe(1);
    }
}
