using SingleView.Core.Model;
using SingleView.Refresh.Evaluation;

namespace SingleView.Refresh.Tests.Evaluation;

public class TruthEvaluationTests
{
    // Truth: p1 = a:1, b:1, c:1; p2 = a:2; p3 = a:3 (no family, so twins do not come into it).
    private static readonly GroundTruth Truth = new(new Dictionary<(string, string), (string, string?)>
    {
        [("a", "1")] = ("p1", null),
        [("b", "1")] = ("p1", null),
        [("c", "1")] = ("p1", null),
        [("a", "2")] = ("p2", null),
        [("a", "3")] = ("p3", null),
    });

    private static ClusteredRecord Record(string key, string golden, bool unmatchable = false) =>
        new(SourceRecordKey.TryParse(key, out var k) ? k : throw new ArgumentException(key), golden, null, unmatchable);

    // p1 split as {a:1, b:1} and {c:1}; p2 wrongly joined with p3.
    private static EvaluationReport Report() => TruthEvaluation.Evaluate(
        Truth,
        [Record("a:1", "G1"), Record("b:1", "G1"), Record("c:1", "G2"), Record("a:2", "G3"), Record("a:3", "G3", unmatchable: true)],
        reviewPairs: 1);

    [Test]
    public void Evaluate_SplitAndMerge_PairwiseFigures()
    {
        var figures = Report().Figures;

        figures.TruePositivePairs.ShouldBe(1);
        figures.FalseNegativePairs.ShouldBe(2);
        figures.FalsePositivePairs.ShouldBe(1);
    }

    [Test]
    public void Evaluate_SplitAndMerge_BCubedFigures()
    {
        var clusters = Report().Clusters;

        // Precision per record: a:1 1, b:1 1, c:1 1, a:2 1/2, a:3 1/2 → 4/5.
        clusters.BCubedPrecision.ShouldBe(0.8, 1e-9);
        // Recall per record: a:1 2/3, b:1 2/3, c:1 1/3, a:2 1, a:3 1 → 11/15.
        clusters.BCubedRecall.ShouldBe(11.0 / 15, 1e-9);
        clusters.GoldenRecordsMixingPeople.ShouldBe(1);
        clusters.PeopleSplitAcrossGoldenRecords.ShouldBe(1);
    }

    [Test]
    public void Evaluate_SplitPerson_ListsTheMissedPairs()
    {
        var missed = Report().MissedPairs.Select(p => $"{p.Left} {p.Right}").ToList();

        missed.ShouldBe(["a:1 c:1", "b:1 c:1"]);
    }

    [Test]
    public void Evaluate_MergedPeople_ListsTheFalseLink() =>
        Report().FalseLinks.Select(p => $"{p.Left} {p.Right}").ShouldBe(["a:2 a:3"]);

    [Test]
    public void Evaluate_ReviewQueueAndUnmatchable_Counted()
    {
        var report = Report();

        report.ReviewShare.ShouldBe(0.2, 1e-9);
        report.Unmatchable.ShouldBe(1);
    }

    [Test]
    public void Evaluate_ListLimit_Respected() =>
        TruthEvaluation.Evaluate(Truth, [Record("a:1", "G1"), Record("b:1", "G2"), Record("c:1", "G3")], 0, listLimit: 1).MissedPairs.Count.ShouldBe(1);

    [Test]
    public void Evaluate_TruthRowNeverPublished_ItsPairsCountAsMissed()
    {
        // c:1 of p1 was never published: a:1-c:1 and b:1-c:1 are true pairs nobody linked.
        var report = TruthEvaluation.Evaluate(Truth, [Record("a:1", "G1"), Record("b:1", "G1"), Record("a:2", "G3"), Record("a:3", "G4")], reviewPairs: 0);

        report.Figures.FalseNegativePairs.ShouldBe(2);
        report.Figures.Recall.ShouldBe(1.0 / 3, 1e-9);
        report.Figures.Records.ShouldBe(5);
        report.UnpublishedTruthRows.ShouldBe(1);
    }

    [Test]
    public void Evaluate_QuarantinedTruthRow_ReportsWhyItWasNotPublished()
    {
        var report = TruthEvaluation.Evaluate(new EvaluationInput
        {
            Truth = Truth,
            Published = [Record("a:1", "G1"), Record("b:1", "G1"), Record("a:2", "G3")],
            NotPublished = new Dictionary<SourceRecordKey, string> { [new SourceRecordKey("c", "1")] = "quarantined: date_of_birth: '19450493' is not a date" },
        });

        report.Unpublished[new SourceRecordKey("c", "1")].ShouldBe("quarantined: date_of_birth: '19450493' is not a date");
        // One row each: alike counts in reason order.
        report.UnpublishedReasons.ShouldBe([(TruthEvaluation.NotInDeliveryInUse, 1), ("quarantined: date_of_birth: '…' is not a date", 1)]);
    }

    [Test]
    public void Evaluate_NothingPublished_Refuses() =>
        Should.Throw<EmptyPublicationException>(() => TruthEvaluation.Evaluate(Truth, [], reviewPairs: 0));

    [Test]
    public void Evaluate_PublishedRecordsNotInTheTruth_Refuses() =>
        Should.Throw<EmptyPublicationException>(() => TruthEvaluation.Evaluate(Truth, [Record("z:9", "G1")], reviewPairs: 0));

    [Test]
    public void Evaluate_DeclaredTwinsInOneGoldenRecord_CountedAsMerged()
    {
        var report = TruthEvaluation.Evaluate(new EvaluationInput
        {
            Truth = Truth,
            Published = [Record("a:1", "G1"), Record("b:1", "G1"), Record("c:1", "G2"), Record("a:2", "G3"), Record("a:3", "G3")],
            Twins = [("p2", "p3"), ("p1", "p2"), ("p1", "p9")],
        });

        report.DeclaredTwins.ShouldNotBeNull();
        report.DeclaredTwins.Pairs.ShouldBe(3);
        report.DeclaredTwins.Merged.ShouldBe(1);
        report.DeclaredTwins.NotEvaluated.ShouldBe(1);
        report.DeclaredTwins.MergedPairs.ShouldBe([("p2", "p3")]);
    }

    [Test]
    public void ReadTwins_HeaderLine_Skipped()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "person_id,twin_person_id\np2,p3\n\np1,p2\n");

            TruthEvaluation.ReadTwins(file, Truth).ShouldBe([("p2", "p3"), ("p1", "p2")]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
