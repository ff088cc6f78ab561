using SingleView.Core.Model;
using SingleView.Match.Scoring;

namespace SingleView.Refresh.Tests;

public class PublishedPairsTests
{
    private static ScoredPair Pair(string right) => new(
        new SourceRecordKey("school", "1"),
        new SourceRecordKey("health", right),
        MatchDecision.Linked,
        new MatchExplanation(-3.2, [], 12.5, 0.999, []),
        "nhs_number");

    [Test]
    public void Indexer_EveryPairRead_ReleasesThePairs()
    {
        var pairs = new PublishedPairs([Pair("2"), Pair("3")]);
        _ = pairs[0];
        _ = pairs[1];

        Should.Throw<InvalidOperationException>(() => pairs[0]);
    }

    [Test]
    public void Indexer_SomePairsUnread_KeepsThePairs()
    {
        var pairs = new PublishedPairs([Pair("2"), Pair("3")]);
        _ = pairs[1];

        pairs[0].Right.RecordId.ShouldBe("2");
    }
}
