using SingleView.Cli.Commands.Accuracy;

namespace SingleView.Cli.Tests.Accuracy;

public class AccuracyScoreTests
{
    private static AccuracyTruth Truth(IReadOnlyList<(string Left, string Right)>? twins = null, params (string RecordId, string Person)[] rows) =>
        new(rows.ToDictionary(r => ("feed", r.RecordId), r => (r.Person, (string?)null)), twins);

    private static readonly Dictionary<((string, string), (string, string)), bool> NoDecisions = [];

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

        var figures = AccuracyScore.Of(truth, published, NoDecisions);

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

        var figures = AccuracyScore.Of(truth, published, NoDecisions);

        figures.TwinPairs.ShouldBe(2);
        figures.TwinPairsMerged.ShouldBe(1);
        figures.FalsePositivePairs.ShouldBe(1);
    }

    [Test]
    public void Of_ReviewPairs_AreAShareOfEveryInputRowPublishedOrNot()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"), ("3", "B"), ("4", "C"));
        var published = new Dictionary<(string, string), PublishedRecord> { [("feed", "1")] = new("G1", null) };

        var decisions = new Dictionary<((string, string), (string, string)), bool> { [(("feed", "1"), ("feed", "2"))] = false };

        AccuracyScore.Of(truth, published, decisions).ReviewShare.ShouldBe(0.25);
    }

    [Test]
    public void Of_MissedPairs_SortedIntoUnpublishedInReviewSplitAndNoDecision()
    {
        // Person A: 1 and 2 queued for review, 3 linked to 1 but split off, 4 never published, 5 with no decision.
        var truth = Truth(null, ("1", "A"), ("2", "A"), ("3", "A"), ("4", "A"), ("5", "A"));
        var published = new Dictionary<(string, string), PublishedRecord>
        {
            [("feed", "1")] = new("G1", null),
            [("feed", "2")] = new("G2", null),
            [("feed", "3")] = new("G3", null),
            [("feed", "5")] = new("G5", null),
        };
        var decisions = new Dictionary<((string, string), (string, string)), bool>
        {
            [AccuracyScore.Ordered(("feed", "2"), ("feed", "1"))] = false,
            [AccuracyScore.Ordered(("feed", "1"), ("feed", "3"))] = true,
        };

        var figures = AccuracyScore.Of(truth, published, decisions);

        figures.FalseNegativePairs.ShouldBe(10);
        figures.PairsLostUnpublished.ShouldBe(4);
        figures.MissedInReview.ShouldBe(1);
        figures.MissedLinkedButSplit.ShouldBe(1);
        figures.MissedNotLinked.ShouldBe(4);
    }

    [Test]
    public void Of_ListLimit_ListsMissedPairsWithWhereEachWentAndFalseLinks()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"), ("3", "B"));
        var published = new Dictionary<(string, string), PublishedRecord>
        {
            [("feed", "1")] = new("G1", null),
            [("feed", "2")] = new("G2", null),
            [("feed", "3")] = new("G1", null),
        };
        var decisions = new Dictionary<((string, string), (string, string)), bool> { [AccuracyScore.Ordered(("feed", "1"), ("feed", "2"))] = false };

        var figures = AccuracyScore.Of(truth, published, decisions, listLimit: 5);

        figures.MissedExamples.ShouldBe(["feed:1 feed:2  in review"]);
        figures.FalseLinkExamples.ShouldBe(["feed:1 feed:3  people A and B in G1"]);
    }

    [Test]
    public void Of_NothingPublished_RefusesToScore()
    {
        var truth = Truth(null, ("1", "A"), ("2", "A"));

        Should.Throw<InvalidOperationException>(() => AccuracyScore.Of(truth, new Dictionary<(string, string), PublishedRecord>(), NoDecisions));
    }
}
