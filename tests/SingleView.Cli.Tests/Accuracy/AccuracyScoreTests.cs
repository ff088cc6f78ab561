using SingleView.Cli.Commands.Accuracy;

namespace SingleView.Cli.Tests.Accuracy;

public class AccuracyScoreTests
{
    private static AccuracyTruth Truth(IReadOnlyList<(string Left, string Right)>? twins = null, params (string RecordId, string Person)[] rows) =>
        new(rows.ToDictionary(r => ("feed", r.RecordId), r => (r.Person, (string?)null)), twins);

    [Test]
    public void Of_RowNeverPublished_CountsItsTruePairsAsMissed()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"), ("3", "A"), ("4", "B"));
        var published = new Dictionary<(string, string), PublishedRecord>
        {
            [("feed", "1")] = new("G1", null),
            [("feed", "2")] = new("G1", null),
            [("feed", "4")] = new("G2", null),
        };

        var figures = AccuracyScore.Of(truth, published, reviewPairs: 0);

        figures.Records.ShouldBe(4);
        figures.Unpublished.ShouldBe(1);
        figures.TruePositivePairs.ShouldBe(1);
        figures.FalseNegativePairs.ShouldBe(2);
        figures.PairsLostUnpublished.ShouldBe(2);
        figures.Recall.ShouldBe(1 / 3.0, 1e-9);
        figures.Precision.ShouldBe(1);
    }

    [Test]
    public void Of_TwinsInOneGoldenRecord_CountsThePairMergedAndTheFalseLink()
    {
        var truth = Truth([("A", "B"), ("C", "D")], ("1", "A"), ("2", "B"), ("3", "C"), ("4", "D"));
        var published = new Dictionary<(string, string), PublishedRecord>
        {
            [("feed", "1")] = new("G1", null),
            [("feed", "2")] = new("G1", null),
            [("feed", "3")] = new("G3", null),
            [("feed", "4")] = new("G4", null),
        };

        var figures = AccuracyScore.Of(truth, published, reviewPairs: 0);

        figures.TwinPairs.ShouldBe(2);
        figures.TwinPairsMerged.ShouldBe(1);
        figures.FalsePositivePairs.ShouldBe(1);
    }

    [Test]
    public void Of_ReviewPairs_AreAShareOfEveryInputRowPublishedOrNot()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"), ("3", "B"), ("4", "C"));
        var published = new Dictionary<(string, string), PublishedRecord> { [("feed", "1")] = new("G1", null) };

        AccuracyScore.Of(truth, published, reviewPairs: 1).ReviewShare.ShouldBe(0.25);
    }

    [Test]
    public void Of_NothingPublished_RefusesToScore()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"));

        Should.Throw<InvalidOperationException>(() => AccuracyScore.Of(truth, new Dictionary<(string, string), PublishedRecord>(), 0));
    }
}
