using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Schedule.History;
using SingleView.Schedule.Tests.Support;

namespace SingleView.Schedule.Tests.History;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class RunHistoryTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset Night = new(2026, 11, 21, 1, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task Succeeded_Report_KeepsStagesFeedsAndCounts()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        var runId = await history.StartAsync("scheduled", 1, "host-a");
        clock.Advance(TimeSpan.FromSeconds(95));

        await history.SucceededAsync(runId, Report(), newEvents: 4);

        var run = (await history.RecentAsync()).Single();
        run.Outcome.ShouldBe(RunOutcome.Succeeded);
        run.Duration.ShouldBe(TimeSpan.FromSeconds(95));
        (run.SourceRecords, run.LinkedPairs, run.ReviewPairs, run.NewEvents).ShouldBe((1200, 300, 12, 4));
        run.Feeds.Single().ShouldBe(new RunFeed("police", "Current", 84, 80, 4, 30, 2, null));
        run.Stages.Select(s => s.Stage).ShouldBe(["ingested", "matched"]);
    }

    [Test]
    public async Task Status_LatestFailed_IsStaleWithReason()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        await history.SucceededAsync(await history.StartAsync("scheduled", 1, "host-a"), Report(), 0);
        clock.Advance(TimeSpan.FromDays(1));
        await history.FailedAsync(await history.StartAsync("scheduled", 1, "host-a"), "IOException: drop folder missing");

        var status = await history.StatusAsync(TimeSpan.FromHours(26));

        status.IsStale.ShouldBeTrue();
        status.Reason.ShouldNotBeNull().ShouldContain("failed");
        status.LastSucceeded!.StartedAt.ShouldBe(Night);
    }

    [Test]
    public async Task MarkInterrupted_RunStillRecordedAsRunning_ShowsItInterrupted()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        var killed = await history.StartAsync("cli", 1, "host-a");
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var lease = await new SingleView.Schedule.Storage.RefreshLock(db.Database, clock).AcquireAsync("singleview refresh (command line)");

        (await history.MarkInterruptedAsync(lease)).ShouldBe(1);

        var run = (await history.RecentAsync()).Single(r => r.RunId == killed);
        run.Outcome.ShouldBe(RunOutcome.Interrupted);
        run.Error.ShouldNotBeNull().ShouldContain("ended before the run finished");
    }

    [Test]
    public async Task Status_LatestInterrupted_IsStaleWithReason()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        await history.SucceededAsync(await history.StartAsync("scheduled", 1, "host-a"), Report(), 0);
        clock.Advance(TimeSpan.FromDays(1));
        await history.StartAsync("scheduled", 1, "host-a");
        await using (var lease = await new SingleView.Schedule.Storage.RefreshLock(db.Database, clock).AcquireAsync("scheduler"))
        {
            await history.MarkInterruptedAsync(lease);
        }

        var status = await history.StatusAsync(TimeSpan.FromHours(26));

        status.IsStale.ShouldBeTrue();
        status.Reason.ShouldNotBeNull().ShouldContain("interrupted");
    }

    [Test]
    public async Task Status_LastSuccessTooOld_IsStale()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        await history.SucceededAsync(await history.StartAsync("scheduled", 1, "host-a"), Report(), 0);
        clock.Advance(TimeSpan.FromHours(27));

        (await history.StatusAsync(TimeSpan.FromHours(26))).IsStale.ShouldBeTrue();
    }

    [Test]
    public async Task Status_RecentSuccess_IsNotStale()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Night);
        var history = new RunHistory(db.Database, clock);
        await history.SucceededAsync(await history.StartAsync("scheduled", 1, "host-a"), Report(), 0);
        clock.Advance(TimeSpan.FromHours(6));

        (await history.StatusAsync(TimeSpan.FromHours(26))).IsStale.ShouldBeFalse();
    }

    [Test]
    public async Task Text_Details_ShowsFeedRowsAndError()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var history = new RunHistory(db.Database, new FakeTimeProvider(Night));
        await history.SucceededAsync(await history.StartAsync("scheduled", 1, "host-a"), Report(), 0);
        await history.FailedAsync(await history.StartAsync("retry", 2, "host-a"), "IOException: drop folder missing");

        var text = RunHistoryText.Format(await history.RecentAsync(), details: true);

        text.ShouldContain("error: IOException: drop folder missing");
        text.ShouldContain("feed police");
        text.ShouldContain("in      84  out      80");
    }

    private static RefreshReport Report() => new()
    {
        RunId = "20261121T013000Z",
        Feeds = [new FeedCoverage { Feed = "police", SourceSystem = "Niche", Service = Service.Police, State = FeedState.Current, Rows = 80, Quarantined = 4 }],
        FeedRuns = [new FeedRun("police", FeedState.Current, 84, 4, 80, 30, 2)],
        SourceRecords = 1200,
        CandidatePairs = 5000,
        LinkedPairs = 300,
        ReviewPairs = 12,
        GoldenRecords = 900,
        Children = 600,
        Adults = 300,
        Families = 250,
        Unmatchable = 3,
        PublicationId = 7,
        Stages = [new StageTiming("ingested", TimeSpan.FromSeconds(10)), new StageTiming("matched", TimeSpan.FromSeconds(20))],
    };
}
