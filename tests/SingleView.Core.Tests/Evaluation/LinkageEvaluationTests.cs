using SingleView.Core.Evaluation;

namespace SingleView.Core.Tests.Evaluation;

public class LinkageEvaluationTests
{
    private static EvaluatedRecord R(string golden, string person, string? family = "F1", string? dob = null) =>
        new(golden, person, family, dob is null ? null : DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public void Evaluate_PerfectLinks_PrecisionAndRecallOne()
    {
        var figures = LinkageEvaluation.Evaluate([R("g1", "p1"), R("g1", "p1"), R("g2", "p2")]);

        figures.Precision.ShouldBe(1);
        figures.Recall.ShouldBe(1);
        figures.ExactlyRecoveredPeople.ShouldBe(2);
    }

    [Test]
    public void Evaluate_OneWrongMerge_CountsTheFalsePairs()
    {
        // p1 has two records, p2 one; all three in one golden record: 3 predicted pairs, 1 true.
        var figures = LinkageEvaluation.Evaluate([R("g1", "p1"), R("g1", "p1"), R("g1", "p2")]);

        figures.TruePositivePairs.ShouldBe(1);
        figures.FalsePositivePairs.ShouldBe(2);
        figures.Precision.ShouldBe(1.0 / 3, 1e-12);
    }

    [Test]
    public void Evaluate_MissedLink_LowersRecall()
    {
        var figures = LinkageEvaluation.Evaluate([R("g1", "p1"), R("g2", "p1"), R("g3", "p1")]);

        figures.Recall.ShouldBe(0);
        figures.Precision.ShouldBe(1);
    }

    [Test]
    public void Evaluate_TwinsMerged_CountsThem()
    {
        var figures = LinkageEvaluation.Evaluate([R("g1", "twinA", dob: "2015-01-01"), R("g1", "twinB", dob: "2015-01-01"), R("g2", "sister", dob: "2012-01-01")]);

        figures.TwinPairs.ShouldBe(1);
        figures.TwinPairsMerged.ShouldBe(1);
    }
}
