using SingleView.Serve.People;

namespace SingleView.Serve.Tests.People;

public sealed class MatchExplanationTests
{
    [Test]
    public void Read_PublishedExplanation_GivesPriorBlockingRuleAndSteps()
    {
        const string json = """
            {"prior": -13.288, "comparisons": [{"comparison": "address", "level": "exact", "weight": 10.451,
             "left": "1 Secret Lane", "right": "1 Secret Lane"}], "match_weight": 41.365, "match_probability": 0.99,
             "safeguards": [], "blocking_rule": "same NHS number"}
            """;

        var (prior, blockingRule, comparisons) = MatchExplanation.Read(json);

        prior.ShouldBe(-13.288);
        blockingRule.ShouldBe("same NHS number");
        comparisons.ShouldBe([new ComparisonView("address", "exact", 10.451)]);
    }

    [Test]
    public void Read_NotJson_GivesNoSteps()
    {
        MatchExplanation.Read("not json").Comparisons.ShouldBeEmpty();
    }
}
