using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Match.Scoring;

namespace SingleView.Refresh.Tests;

public class ExplanationJsonTests
{
    [Test]
    public void Serialise_AnyPair_SameTextAsTheSerialiserOverDictionaries()
    {
        var pair = new ScoredPair(
            new SourceRecordKey("school", "1"),
            new SourceRecordKey("lcs", "2"),
            MatchDecision.Review,
            new MatchExplanation(
                -3.14159,
                [
                    new ComparisonOutcome("first_name", "exact", 4.56789, "Zoë <O'Brien> & co", "ZOE"),
                    new ComparisonOutcome("date_of_birth", "null", 0, null, "2014-05-17"),
                    new ComparisonOutcome("family_name", "tf", -0.0004, "Smith", "Smith") { IsTermFrequencyAdjustment = true },
                ],
                12.3456,
                0.99987654321,
                ["twin guard", "é"]),
            "dob+postcode");

        ExplanationJson.Serialise(pair).ShouldBe(SerialisedAsBefore(pair));
    }

    [Test]
    public void Serialise_NoComparisonsOrSafeguards_EmptyArrays() =>
        ExplanationJson.Serialise(new ScoredPair(
            new SourceRecordKey("a", "1"), new SourceRecordKey("b", "2"), MatchDecision.Linked, new MatchExplanation(0, [], 1, 0.5, []), "rule"))
            .ShouldBe("""{"prior":0,"comparisons":[],"match_weight":1,"match_probability":0.5,"safeguards":[],"blocking_rule":"rule"}""");

    // The form the explanation had when it was serialised from dictionaries: the view reads this text.
    private static string SerialisedAsBefore(ScoredPair pair) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["prior"] = Math.Round(pair.Explanation.Prior, 3),
        ["comparisons"] = pair.Explanation.Comparisons.Select(c => new Dictionary<string, object?>
        {
            ["comparison"] = c.Comparison,
            ["level"] = c.Level,
            ["weight"] = Math.Round(c.Weight, 3),
            ["left"] = c.LeftValue,
            ["right"] = c.RightValue,
        }).ToList(),
        ["match_weight"] = Math.Round(pair.Explanation.MatchWeight, 3),
        ["match_probability"] = pair.Explanation.MatchProbability,
        ["safeguards"] = pair.Explanation.SafeguardsApplied,
        ["blocking_rule"] = pair.BlockingRule,
    });
}
