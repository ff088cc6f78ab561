using Microsoft.Extensions.Logging;
using SingleView.Core.Model;

namespace SingleView.Standardise.Tests;

/// <summary>Lake files older than the feed's retention_days are deleted by the refresh, except the last good delivery.</summary>
public class RetentionTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateOnly November = new(2026, 11, 20);

    private Fixtures fixtures = null!;
    private SteppingClock clock = null!;
    private ListLogger logger = null!;
    private IngestStage stage = null!;

    [SetUp]
    public void SetUp()
    {
        fixtures = new Fixtures();
        clock = new SteppingClock(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
        logger = new ListLogger();
        var processor = new FeedProcessor(fixtures.Lake, clock, new TypedLogger<FeedProcessor>(logger));
        stage = new IngestStage(processor, new TypedLogger<IngestStage>(logger));
    }

    [TearDown]
    public void TearDown() => fixtures.Dispose();

    [Test]
    public async Task RunAsync_DeliveryOlderThanRetentionBehindANewerOne_IsDeletedFromEveryZone()
    {
        await DeliverAsync("lcs_20261001.csv", Fixtures.Rows(3));
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        await DeliverAsync("lcs_20261120.csv", Fixtures.Rows(3, firstId: 10));

        ZoneFolders(October).ShouldAllBe(folder => !Directory.Exists(folder));
        ZoneFolders(November).ShouldAllBe(folder => Directory.Exists(folder));
        File.Exists(fixtures.Lake.StandardisedPath("lcs", November, "lcs_20261120.csv")).ShouldBeTrue();
    }

    [Test]
    public async Task RunAsync_DeletedFile_IsLoggedOneLineEach()
    {
        await DeliverAsync("lcs_20261001.csv", Fixtures.Rows(3));
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        await DeliverAsync("lcs_20261120.csv", Fixtures.Rows(3, firstId: 10));

        logger.Messages.Where(m => m.Contains("older than the 30-day retention", StringComparison.Ordinal)).ShouldBe([
            "lcs: deleted raw/lcs/2026-10-01/lcs_20261001.csv: older than the 30-day retention",
            "lcs: deleted raw/lcs/2026-10-01/lcs_20261001.csv.manifest.json: older than the 30-day retention",
            "lcs: deleted standardised/lcs/2026-10-01/lcs_20261001.csv.jsonl.gz: older than the 30-day retention",
            "lcs: deleted quarantine/lcs/2026-10-01/lcs_20261001.csv.quarantine.jsonl: older than the 30-day retention",
        ], ignoreOrder: true);
    }

    [Test]
    public async Task RunAsync_LastGoodDeliveryOlderThanRetention_IsKeptAndStaysInUse()
    {
        await DeliverAsync("lcs_20261001.csv", Fixtures.Rows(3));
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

        var feed = (await stage.RunAsync([Definition()], fixtures.DropRoot, CancellationToken.None)).Single();

        ZoneFolders(October).ShouldAllBe(folder => Directory.Exists(folder));
        feed.Coverage.State.ShouldBe(FeedState.NoNewDelivery);
        feed.Records.Count.ShouldBe(3);
    }

    [Test]
    public async Task RunAsync_HeldDeliveryOlderThanRetention_IsDeletedButTheLastGoodOneKept()
    {
        await DeliverAsync("lcs_20260920.csv", Fixtures.Rows(4));
        await DeliverAsync("lcs_20261001.csv", Fixtures.Rows(1)); // held: 75% fewer rows
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

        await stage.RunAsync([Definition()], fixtures.DropRoot, CancellationToken.None);

        fixtures.Lake.RawDeliveries("lcs").Select(d => d.FileName).ShouldBe(["lcs_20260920.csv"]);
        fixtures.Lake.LatestStandardisedDelivery("lcs").ShouldNotBeNull().FileName.ShouldBe("lcs_20260920.csv");
    }

    [Test]
    public async Task RunAsync_DroppedFileAlreadyOlderThanRetention_IsNotLanded()
    {
        clock.Now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

        await DeliverAsync("lcs_20261001.csv", Fixtures.Rows(3));

        fixtures.Lake.RawDeliveries("lcs").ShouldBeEmpty();
    }

    private static Ingest.Definitions.FeedDefinition Definition() => Fixtures.Definition(retentionDays: 30);

    private async Task DeliverAsync(string fileName, string[] rows)
    {
        fixtures.Drop(fileName, Fixtures.Csv(rows));
        await stage.RunAsync([Definition()], fixtures.DropRoot, CancellationToken.None);
    }

    private IEnumerable<string> ZoneFolders(DateOnly date) =>
    [
        fixtures.Lake.RawFolder("lcs", date),
        fixtures.Lake.StandardisedFolder("lcs", date),
        fixtures.Lake.QuarantineFolder("lcs", date),
    ];
}

/// <summary>A clock the test moves on by hand.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Log lines kept in memory, formatted as the console shows them.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (messages) messages.Add(formatter(state, exception));
    }
}

internal sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
