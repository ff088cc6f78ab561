using Quartz;
using SingleView.Publish;
using SingleView.Schedule.History;
using SingleView.Schedule.Jobs;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.Hosting;

/// <summary>The scheduler in a real host over SQLite: its triggers, "run now", failure and retry.</summary>
public sealed class ScheduleHostTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Test]
    public async Task Start_Enabled_StoresTheNightlyTriggerAtHalfPastOneLondon()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await ScheduleHost.StartAsync(db.Database, ScheduleHost.Config(db.Folder));

        var trigger = (ICronTrigger)(await (await host.SchedulerAsync()).GetTrigger(ScheduleKeys.RefreshCron))!;

        trigger.TimeZone.Id.ShouldBe("Europe/London");
        TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, London).TimeOfDay.ShouldBe(new TimeSpan(1, 30, 0));
    }

    [Test]
    public async Task RunNow_SampleAuthority_PublishesAndRecordsTheRun()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await ScheduleHost.StartAsync(db.Database, ScheduleHost.Config(db.Folder));

        (await host.Control.RunRefreshNowAsync("test administrator")).ShouldBeTrue();
        var run = (await ScheduleHost.WaitForRunsAsync(db.Database, 1)).Single();

        run.Outcome.ShouldBe(RunOutcome.Succeeded);
        run.TriggerKind.ShouldBe("manual");
        run.Feeds.Single(f => f.Feed == "police").RowsIn.ShouldBe(83);
        run.Stages.ShouldNotBeEmpty();
        run.NewEvents.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task RunNow_RefreshFails_RecordedStaleAndRetryScheduled()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await ScheduleHost.StartAsync(db.Database, ScheduleHost.Config(db.Folder, failingRefresh: true, retryCount: 2));

        await host.Control.RunRefreshNowAsync("test administrator");
        var run = (await ScheduleHost.WaitForRunsAsync(db.Database, 1)).Single();
        var scheduler = await host.SchedulerAsync();
        var retries = await WaitForRetryAsync(scheduler);
        var status = await host.Control.StatusAsync();

        run.Outcome.ShouldBe(RunOutcome.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("pipelines");
        retries.ShouldBe(1);
        status.IsStale.ShouldBeTrue();
    }

    [Test]
    public async Task RunNow_RefreshFails_PreviousPublicationStaysInService()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await new SingleView.Refresh.NightlyRefresh(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).RunAsync(SampleRefresh.Options(db));
        var before = await ScheduleHost.ScalarAsync(db.Database, "SELECT MAX(publication_id) FROM publication");
        var people = await ScheduleHost.ScalarAsync(db.Database, "SELECT COUNT(*) FROM person");
        await using var host = await ScheduleHost.StartAsync(db.Database, ScheduleHost.Config(db.Folder, failingRefresh: true));

        await host.Control.RunRefreshNowAsync("test administrator");
        await ScheduleHost.WaitForRunsAsync(db.Database, 1);

        (await ScheduleHost.ScalarAsync(db.Database, "SELECT MAX(publication_id) FROM publication")).ShouldBe(before);
        (await ScheduleHost.ScalarAsync(db.Database, "SELECT COUNT(*) FROM person")).ShouldBe(people);
    }

    [Test]
    public async Task RunNow_WhileCliHoldsTheLock_DoesNotRunAndSaysWhy()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var cli = await new SingleView.Schedule.Storage.RefreshLock(db.Database, TimeProvider.System).AcquireAsync("singleview refresh (cli)");
        await using var host = await ScheduleHost.StartAsync(db.Database, ScheduleHost.Config(db.Folder));

        await host.Control.RunRefreshNowAsync("test administrator");
        var run = (await ScheduleHost.WaitForRunsAsync(db.Database, 1)).Single();

        run.Outcome.ShouldBe(RunOutcome.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("singleview refresh (cli)");
    }

    private static async Task<int> WaitForRetryAsync(IScheduler scheduler)
    {
        for (var i = 0; i < 40; i++)
        {
            var triggers = await scheduler.GetTriggersOfJob(ScheduleKeys.Refresh);
            var retries = triggers.Count(t => t.Key.Name.StartsWith("nightly-refresh-retry-", StringComparison.Ordinal));
            if (retries > 0) return retries;
            await Task.Delay(250);
        }

        return 0;
    }
}
