using Quartz;
using SingleView.Publish;
using SingleView.Schedule.History;
using SingleView.Schedule.Jobs;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Hosting;

/// <summary>
/// A restart neither loses nor repeats a night (the store is the serving database; a misfired trigger
/// fires once now), and on PostgreSQL two clustered hosts run each firing on exactly one of them.
/// Refreshes here fail fast (no pipelines folder) so the tests count firings, not refresh work.
/// </summary>
public sealed class RestartAndClusterTests
{
    [Test]
    public async Task Restart_AfterMissedNight_RunsItOnceNow()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var config = ScheduleHost.Config(db.Folder, failingRefresh: true);
        await (await ScheduleHost.StartAsync(db.Database, config)).DisposeAsync();
        await MissLastNightAsync(db.Database);

        await using var restarted = await ScheduleHost.StartAsync(db.Database, config);
        var runs = await ScheduleHost.WaitForRunsAsync(db.Database, 1);
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await ScheduleHost.WaitForRunsAsync(db.Database, 1)).Count.ShouldBe(1);
        runs.Single().TriggerKind.ShouldBe("scheduled");
    }

    [Test]
    public async Task Restart_AfterMissedNight_NextNightIsStillScheduled()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var config = ScheduleHost.Config(db.Folder, failingRefresh: true);
        await (await ScheduleHost.StartAsync(db.Database, config)).DisposeAsync();
        await MissLastNightAsync(db.Database);

        await using var restarted = await ScheduleHost.StartAsync(db.Database, config);
        await ScheduleHost.WaitForRunsAsync(db.Database, 1);
        var next = (await (await restarted.SchedulerAsync()).GetTrigger(ScheduleKeys.RefreshCron))!.NextFireTimeUtc;

        next.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Test]
    public async Task Restart_Twice_DoesNotRepeatTheNight()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var config = ScheduleHost.Config(db.Folder, failingRefresh: true);
        await (await ScheduleHost.StartAsync(db.Database, config)).DisposeAsync();
        await MissLastNightAsync(db.Database);
        await using (var first = await ScheduleHost.StartAsync(db.Database, config))
        {
            await ScheduleHost.WaitForRunsAsync(db.Database, 1);
        }

        await using var second = await ScheduleHost.StartAsync(db.Database, config);
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await ScheduleHost.WaitForRunsAsync(db.Database, 1, TimeSpan.FromSeconds(1))).Count.ShouldBe(1);
    }

    [Test]
    public async Task Cluster_TwoHostsOnPostgreSql_EachFiringRunsOnExactlyOne()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var folder = Directory.CreateTempSubdirectory("singleview-cluster-").FullName;
        var config = ScheduleHost.Config(folder, failingRefresh: true);
        await using var nodeA = await ScheduleHost.StartAsync(db.Database, config, instanceId: "node-a");
        await using var nodeB = await ScheduleHost.StartAsync(db.Database, config, instanceId: "node-b");

        for (var i = 0; i < 4; i++) await (i % 2 == 0 ? nodeA : nodeB).Control.RunRefreshNowAsync($"administrator {i}");
        var runs = await ScheduleHost.WaitForRunsAsync(db.Database, 4);
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await ScheduleHost.WaitForRunsAsync(db.Database, 4, TimeSpan.FromSeconds(1))).Count.ShouldBe(4);
        runs.ShouldAllBe(r => r.TriggerKind == "manual");
        (await ScheduleHost.ScalarAsync(db.Database, "SELECT COUNT(*) FROM qrtz_scheduler_state")).ShouldBe(2);
    }

    [Test]
    public async Task Cluster_TwoHostsOnPostgreSql_ShareOneNightlyTrigger()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var folder = Directory.CreateTempSubdirectory("singleview-cluster-").FullName;
        var config = ScheduleHost.Config(folder, failingRefresh: true);
        await using var nodeA = await ScheduleHost.StartAsync(db.Database, config, instanceId: "node-a");
        await using var nodeB = await ScheduleHost.StartAsync(db.Database, config, instanceId: "node-b");

        (await ScheduleHost.ScalarAsync(db.Database, "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = @Name", new { Name = ScheduleKeys.RefreshCron.Name })).ShouldBe(1);
    }

    /// <summary>As if every host was down at 01:30: the stored next fire time of the nightly trigger is two hours ago.</summary>
    private static async Task MissLastNightAsync(ServingDatabase database)
    {
        var stored = await ScheduleHost.ScalarAsync(database, "SELECT next_fire_time FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = @Name", new { Name = ScheduleKeys.RefreshCron.Name });
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2);
        // Quartz keeps times as ticks or as Unix milliseconds depending on its version: write the same unit back.
        var value = stored > 100_000_000_000_000 ? twoHoursAgo.UtcTicks : twoHoursAgo.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = @Value WHERE TRIGGER_NAME = @Name", new { Value = value, Name = ScheduleKeys.RefreshCron.Name });
    }
}
