using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Core.Model;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Output;

namespace SingleView.Standardise.Tests.Corpus;

/// <summary>
/// Each malformed delivery gives a clear outcome — held with a reason, or rows quarantined with a
/// reason — never a crash, and a good feed in the same run is unaffected.
/// </summary>
public class MalformedInputTests
{
    private static IEnumerable<MalformedInput> Corpus() => MalformedInputs.All();

    [TestCaseSource(nameof(Corpus))]
    public async Task RunAsync_MalformedDelivery_GivesAClearOutcomeAndTheOtherFeedIsUnaffected(MalformedInput input)
    {
        using var fixtures = new Fixtures();
        var path = Path.Combine(fixtures.DropRoot, "lcs", "lcs_20261120.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        input.Write(path);
        fixtures.Drop("ehm_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)), feed: "ehm");
        var stage = new IngestStage(fixtures.Processor, NullLogger<IngestStage>.Instance);

        var feeds = await stage.RunAsync([Fixtures.Definition(), Fixtures.Definition(feed: "ehm")], fixtures.DropRoot, CancellationToken.None);

        var feed = feeds[0];
        feed.Coverage.State.ShouldBe(input.State, feed.Coverage.Message);
        feed.Records.Count.ShouldBe(input.Rows, feed.Coverage.Message);
        if (input.State == FeedState.Held)
        {
            feed.Coverage.Message.ShouldNotBeNull().ShouldNotStartWith("ingest failed");
            if (input.Reason is not null) feed.Coverage.Message.ShouldContain(input.Reason);
        }
        else
        {
            var quarantine = await QuarantineFile.ReadAsync(fixtures.Lake.QuarantinePath("lcs", new DateOnly(2026, 11, 20), "lcs_20261120.csv"), CancellationToken.None);
            quarantine.Count.ShouldBe(input.Quarantined, string.Join(" | ", quarantine.Select(q => q.Reason)));
            if (input.Reason is not null) quarantine.ShouldContain(q => q.Reason.Contains(input.Reason, StringComparison.Ordinal), string.Join(" | ", quarantine.Select(q => q.Reason)));
        }

        input.Check?.Invoke(feed);
        feeds[1].Coverage.State.ShouldBe(FeedState.Current);
        feeds[1].Records.Count.ShouldBe(3);
        Directory.EnumerateFiles(fixtures.Lake.Root, "*" + AtomicFile.TemporarySuffix, SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
