using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Core.Model;

namespace SingleView.Standardise.Tests;

/// <summary>A feed with nothing new by its expected_by cut-off (Europe/London) is reported late; others go on.</summary>
public class LatenessTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private Fixtures fixtures = null!;
    private SteppingClock clock = null!;
    private FeedProcessor processor = null!;

    [SetUp]
    public void SetUp()
    {
        fixtures = new Fixtures();
        clock = new SteppingClock(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        processor = new FeedProcessor(fixtures.Lake, clock, NullLogger<FeedProcessor>.Instance);
    }

    [TearDown]
    public void TearDown() => fixtures.Dispose();

    [Test]
    public async Task ProcessAsync_NothingNewAfterTheCutOff_IsReportedLateAndYesterdaysDataStaysInUse()
    {
        await DeliverYesterdayAsync();
        clock.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

        var feed = await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);

        feed.Coverage.Message.ShouldNotBeNull().ShouldStartWith("late: nothing new by the 05:00 cut-off (Europe/London); ");
        feed.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        feed.Records.Count.ShouldBe(2);
    }

    [Test]
    public async Task ProcessAsync_NothingNewBeforeTheCutOff_IsNotLate()
    {
        await DeliverYesterdayAsync();
        clock.Now = new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);

        var feed = await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);

        feed.Coverage.Message.ShouldNotBeNull().ShouldNotContain("late");
    }

    [Test]
    public async Task ProcessAsync_DeliveredTodayAndRunAgainAfterTheCutOff_IsNotLate()
    {
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        fixtures.Drop("lcs_20261121.csv", Fixtures.Csv(Fixtures.Rows(2)));
        await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);
        clock.Now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

        var feed = await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);

        feed.Coverage.Message.ShouldNotBeNull().ShouldNotContain("late");
    }

    [Test]
    public async Task ProcessAsync_NeverDeliveredAfterTheCutOff_IsLateAndNotAvailable()
    {
        clock.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

        var feed = await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);

        feed.Coverage.State.ShouldBe(FeedState.NotAvailable);
        feed.Coverage.Message.ShouldNotBeNull().ShouldStartWith("late: ");
    }

    [Test]
    public async Task RunAsync_OneFeedLate_TheOtherFeedsGoOn()
    {
        await DeliverYesterdayAsync();
        clock.Now = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        fixtures.Drop("ehm_20261121.csv", Fixtures.Csv(Fixtures.Rows(3)), feed: "ehm");
        var stage = new IngestStage(processor, NullLogger<IngestStage>.Instance);

        var feeds = await stage.RunAsync([Definition("05:00"), Fixtures.Definition(feed: "ehm", expectations: "expected_by: \"05:00\"")], fixtures.DropRoot, CancellationToken.None);

        feeds[0].Coverage.Message.ShouldNotBeNull().ShouldStartWith("late: ");
        feeds[1].Coverage.State.ShouldBe(FeedState.Current);
        feeds[1].Records.Count.ShouldBe(3);
    }

    [Test]
    public void Notice_InBritishSummerTime_TheCutOffIsLondonTimeNotUtc()
    {
        var definition = Definition("01:30");
        // 00:45 UTC on 1 July is 01:45 in London (BST): past a 01:30 cut-off, though not in UTC.
        var summer = new DateTimeOffset(2026, 7, 1, 0, 45, 0, TimeSpan.Zero);
        var winter = new DateTimeOffset(2026, 12, 1, 0, 45, 0, TimeSpan.Zero);

        Lateness.Notice(definition, null, summer, London).ShouldNotBeNull();
        Lateness.Notice(definition, null, winter, London).ShouldBeNull();
    }

    [Test]
    public void Notice_NoExpectedBy_IsNeverLate()
    {
        Lateness.Notice(Fixtures.Definition(), null, new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), London).ShouldBeNull();
    }

    private static Ingest.Definitions.FeedDefinition Definition(string expectedBy) =>
        Fixtures.Definition(expectations: $"expected_by: \"{expectedBy}\", max_row_drop_percent: 50");

    private async Task DeliverYesterdayAsync()
    {
        clock.Now = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(2)));
        await processor.ProcessAsync(Definition("05:00"), fixtures.DropRoot, CancellationToken.None);
    }
}
