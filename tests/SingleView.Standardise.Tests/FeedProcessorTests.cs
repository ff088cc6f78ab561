using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Output;

namespace SingleView.Standardise.Tests;

public class FeedProcessorTests
{
    private Fixtures fixtures = null!;

    [SetUp]
    public void SetUp() => fixtures = new Fixtures();

    [TearDown]
    public void TearDown() => fixtures.Dispose();

    [Test]
    public async Task ProcessAsync_NewFile_WritesStandardisedRecordsThatReadBackTheSame()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));

        var feed = await fixtures.ProcessAsync();

        var path = fixtures.Lake.StandardisedPath("lcs", new DateOnly(2026, 11, 20), "lcs_20261120.csv");
        var readBack = new List<PersonRecord>();
        await foreach (var record in StandardisedZoneFile.ReadAsync(path, CancellationToken.None)) readBack.Add(record);
        Json(readBack).ShouldBe(Json(feed.Records));
        readBack.Count.ShouldBe(3);
    }

    [Test]
    public async Task ProcessAsync_NewFile_CoverageIsCurrentAsOfTheExtractDateWithTheDeclaredCoverage()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));

        var coverage = (await fixtures.ProcessAsync()).Coverage;

        coverage.State.ShouldBe(FeedState.Current);
        coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        coverage.Rows.ShouldBe(3);
        coverage.Quarantined.ShouldBe(0);
        coverage.CoverageArea.ShouldBe("Anytown");
        coverage.CoverageStart.ShouldBe(new DateOnly(2015, 1, 1));
    }

    [Test]
    public async Task ProcessAsync_NewFile_RecordsNameTheirRawFileAndLine()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(2)));

        var records = (await fixtures.ProcessAsync()).Records;

        records.Select(r => (r.RawFile, r.RawLine)).ShouldBe([
            ("raw/lcs/2026-11-20/lcs_20261120.csv", 2L),
            ("raw/lcs/2026-11-20/lcs_20261120.csv", 3L),
        ]);
    }

    [Test]
    public async Task ProcessAsync_NewFile_LeavesNoTemporaryFiles()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv([.. Fixtures.Rows(2), Fixtures.Row("9", dob: "01/01/2099")]));

        await fixtures.ProcessAsync();

        Directory.EnumerateFiles(fixtures.Lake.Root, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.EndsWith(AtomicFile.TemporarySuffix));
    }

    [Test]
    public async Task ProcessAsync_ImpossibleDateOfBirth_RowIsQuarantinedWithTheReason()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), Fixtures.Row("2", dob: "01/01/2099")));

        var feed = await fixtures.ProcessAsync();

        var entry = (await QuarantineAsync()).ShouldHaveSingleItem();
        entry.LineNumber.ShouldBe(3);
        entry.Reason.ShouldContain("after the extract date");
        entry.RawText.ShouldBe(Fixtures.Row("2", dob: "01/01/2099"));
        feed.Coverage.Quarantined.ShouldBe(1);
        feed.Records.Select(r => r.Key.RecordId).ShouldBe(["1"]);
    }

    [Test]
    public async Task ProcessAsync_MalformedRow_IsQuarantinedWithItsLineNumberAndTheRestRead()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), "2,\"Bob\"by,Jones", Fixtures.Row("3")));

        var feed = await fixtures.ProcessAsync();

        var entry = (await QuarantineAsync()).ShouldHaveSingleItem();
        entry.LineNumber.ShouldBe(3);
        entry.Reason.ShouldStartWith("malformed CSV");
        feed.Records.Select(r => r.Key.RecordId).ShouldBe(["1", "3"]);
    }

    [Test]
    public async Task ProcessAsync_DuplicatedRecordId_LaterRowIsQuarantined()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), Fixtures.Row("1", forename: "Anne")));

        var feed = await fixtures.ProcessAsync();

        (await QuarantineAsync()).ShouldHaveSingleItem().Reason.ShouldContain("duplicated: first on line 2");
        feed.Records.ShouldHaveSingleItem().FirstName.ShouldBe("Ann");
    }

    [Test]
    public async Task ProcessAsync_DuplicatedRecordId_IsConfirmedOnASecondReadThatLeavesNoTemporaryFiles()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), Fixtures.Row("2"), Fixtures.Row("1", forename: "Anne"), Fixtures.Row("3")));

        var feed = await fixtures.ProcessAsync();

        feed.Records.Select(r => r.Key.RecordId).ShouldBe(["1", "2", "3"]);
        feed.Coverage.Quarantined.ShouldBe(1);
        Directory.EnumerateFiles(fixtures.Lake.Root, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal));
    }

    [Test]
    public async Task ProcessAsync_DuplicatesAcrossSpilledScreenRuns_AreQuarantinedWithTheirFirstLine()
    {
        var processor = new FeedProcessor(fixtures.Lake, new FixedTimeProvider(Fixtures.Now), NullLogger<FeedProcessor>.Instance, new FeedProcessorOptions { DuplicateScreenRunLength = 2 });
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv([.. Enumerable.Range(1, 7).Select(i => Fixtures.Row($"{i}")), Fixtures.Row("2"), Fixtures.Row("6")]));

        var feed = await processor.ProcessAsync(Fixtures.Definition(), fixtures.DropRoot, CancellationToken.None);

        feed.Records.Select(r => r.Key.RecordId).ShouldBe(["1", "2", "3", "4", "5", "6", "7"]);
        (await QuarantineAsync()).Select(q => q.Reason).ShouldBe([
            "the record id '2' is duplicated: first on line 3",
            "the record id '6' is duplicated: first on line 7",
        ]);
    }

    [Test]
    public async Task ProcessAsync_MissingRecordId_RowIsQuarantined()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row(" "), Fixtures.Row("2")));

        await fixtures.ProcessAsync();

        (await QuarantineAsync()).ShouldHaveSingleItem().Reason.ShouldContain("record id");
    }

    [Test]
    public async Task ProcessAsync_MissingRequiredColumn_IsHeldNamingTheColumnAndThePreviousDeliveryStaysInUse()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(3)));
        var yesterday = await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)).Replace("Surname", "LastName", StringComparison.Ordinal));

        var today = await fixtures.ProcessAsync();

        today.Coverage.State.ShouldBe(FeedState.Held);
        today.Coverage.Message.ShouldNotBeNull().ShouldContain("missing column(s) Surname");
        today.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 19));
        Json(today.Records).ShouldBe(Json(yesterday.Records));
    }

    [Test]
    public async Task ProcessAsync_MissingMappedColumnAndNothingBefore_IsHeldWithNoRecords()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)).Replace(",Plan", ",Plans", StringComparison.Ordinal));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.Held);
        feed.Coverage.Message.ShouldNotBeNull().ShouldContain("Plan");
        feed.Records.ShouldBeEmpty();
    }

    [Test]
    public async Task ProcessAsync_RowCountFallsBeyondTheLimit_IsHeldAndThePreviousDeliveryStaysInUse()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(10)));
        await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(4)));

        var today = await fixtures.ProcessAsync();

        today.Coverage.State.ShouldBe(FeedState.Held);
        today.Coverage.Message.ShouldNotBeNull().ShouldContain("fall of 60%");
        today.Records.Count.ShouldBe(10);
        fixtures.Lake.LatestStandardisedDelivery("lcs").ShouldNotBeNull().FileName.ShouldBe("lcs_20261119.csv");
    }

    [Test]
    public async Task ProcessAsync_RowCountFallsWithinTheLimit_IsCurrent()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(10)));
        await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(6)));

        var today = await fixtures.ProcessAsync();

        today.Coverage.State.ShouldBe(FeedState.Current);
        today.Records.Count.ShouldBe(6);
    }

    [Test]
    public async Task ProcessAsync_EmptyDropFolder_IsNotAvailableSayingTheFolderIsEmpty()
    {
        Directory.CreateDirectory(Path.Combine(fixtures.DropRoot, "lcs"));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.NotAvailable);
        feed.Coverage.Message.ShouldNotBeNull().ShouldContain("holds no file matching lcs_*.csv");
        feed.Records.ShouldBeEmpty();
    }

    [Test]
    public async Task ProcessAsync_MissingDropFolder_IsNotAvailableSayingTheFolderIsMissing()
    {
        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.NotAvailable);
        feed.Coverage.Message.ShouldNotBeNull().ShouldContain("is missing");
    }

    [Test]
    public async Task ProcessAsync_NoNewFile_IsNoNewDeliveryWithTheSameRecords()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));
        var first = await fixtures.ProcessAsync();

        var rerun = await fixtures.ProcessAsync();

        rerun.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        rerun.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        rerun.Coverage.Rows.ShouldBe(3);
        Json(rerun.Records).ShouldBe(Json(first.Records));
    }

    [Test]
    public async Task ProcessAsync_StandardisedByARunThatNeverPublished_IsCurrent()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));
        await fixtures.ProcessAsync();
        var nothingPublished = new Dictionary<string, DateOnly?>();

        var rerun = await fixtures.Processor.ProcessAsync(Fixtures.Definition(), fixtures.DropRoot, CancellationToken.None, nothingPublished);

        rerun.Coverage.State.ShouldBe(FeedState.Current);
        rerun.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        rerun.Coverage.Rows.ShouldBe(3);
        rerun.Coverage.Message.ShouldNotBeNull().ShouldContain("lcs_20261120.csv: 3 rows standardised");
        rerun.Coverage.Message.ShouldNotContain("stays in use");
    }

    [Test]
    public async Task ProcessAsync_StandardisedDeliveryNewerThanThePublishedOne_IsCurrent()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(3)));
        await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(4)));
        await fixtures.ProcessAsync();
        var publishedTheDayBefore = new Dictionary<string, DateOnly?> { ["lcs"] = new DateOnly(2026, 11, 19) };

        var rerun = await fixtures.Processor.ProcessAsync(Fixtures.Definition(), fixtures.DropRoot, CancellationToken.None, publishedTheDayBefore);

        rerun.Coverage.State.ShouldBe(FeedState.Current);
        rerun.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        rerun.Coverage.Rows.ShouldBe(4);
    }

    [Test]
    public async Task ProcessAsync_StandardisedDeliveryAlreadyPublished_IsNoNewDelivery()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));
        await fixtures.ProcessAsync();
        var published = new Dictionary<string, DateOnly?> { ["lcs"] = new DateOnly(2026, 11, 20) };

        var rerun = await fixtures.Processor.ProcessAsync(Fixtures.Definition(), fixtures.DropRoot, CancellationToken.None, published);

        rerun.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        rerun.Coverage.Message.ShouldNotBeNull().ShouldContain("stays in use");
    }

    [Test]
    public async Task ProcessAsync_DroppedFileRemoved_PreviousDeliveryStillUsed()
    {
        var dropped = fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));
        await fixtures.ProcessAsync();
        File.Delete(dropped);

        var rerun = await fixtures.ProcessAsync();

        rerun.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        rerun.Records.Count.ShouldBe(3);
    }

    [Test]
    public async Task ProcessAsync_SeveralNewFiles_TheNewestDeliveryIsStandardised()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(3)));
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(4)));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        feed.Records.Count.ShouldBe(4);
    }

    [Test]
    public async Task ProcessAsync_HeldDeliveryAndNoNewFile_IsStillHeldOnTheNextRun()
    {
        fixtures.Drop("lcs_20261119.csv", Fixtures.Csv(Fixtures.Rows(10)));
        await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(2)));
        await fixtures.ProcessAsync();

        var rerun = await fixtures.ProcessAsync();

        rerun.Coverage.State.ShouldBe(FeedState.Held);
        rerun.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 19));
    }

    [Test]
    public async Task ProcessAsync_LateFileOlderThanTheDeliveryInUse_IsNotUsed()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)));
        await fixtures.ProcessAsync();
        fixtures.Drop("lcs_20261118.csv", Fixtures.Csv(Fixtures.Rows(5)));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        feed.Coverage.CurrentAsOf.ShouldBe(new DateOnly(2026, 11, 20));
        feed.Records.Count.ShouldBe(3);
    }

    private async Task<IReadOnlyList<QuarantineEntry>> QuarantineAsync() =>
        await QuarantineFile.ReadAsync(fixtures.Lake.QuarantinePath("lcs", new DateOnly(2026, 11, 20), "lcs_20261120.csv"), CancellationToken.None);

    private static string Json(IEnumerable<PersonRecord> records) => JsonSerializer.Serialize(records, LakeJson.Options);
}
