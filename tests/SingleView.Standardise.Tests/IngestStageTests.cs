using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Core.Model;

namespace SingleView.Standardise.Tests;

public class IngestStageTests
{
    [Test]
    public async Task RunAsync_OneFeedFails_ThatFeedIsHeldAndTheOthersAreProcessed()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Rows(2)));
        fixtures.Drop("ehm_20261120.csv", Fixtures.Csv(Fixtures.Rows(3)), feed: "ehm");
        // A corrupt manifest in the raw zone makes the first feed fail unexpectedly.
        var broken = Path.Combine(fixtures.Lake.RawFolder("lcs", new DateOnly(2026, 11, 1)), "old.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "x");
        File.WriteAllText(broken + ".manifest.json", "{ not json");
        var stage = new IngestStage(fixtures.Processor, NullLogger<IngestStage>.Instance);

        var feeds = await stage.RunAsync([Fixtures.Definition(), Fixtures.Definition(feed: "ehm")], fixtures.DropRoot, CancellationToken.None);

        feeds[0].Coverage.State.ShouldBe(FeedState.Held);
        feeds[0].Coverage.Message.ShouldNotBeNull().ShouldStartWith("ingest failed:");
        feeds[1].Coverage.State.ShouldBe(FeedState.Current);
        feeds[1].Records.Count.ShouldBe(3);
    }
}
