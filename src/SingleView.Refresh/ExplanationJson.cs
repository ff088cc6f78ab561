using System.Text.Json;
using SingleView.Match.Scoring;

namespace SingleView.Refresh;

/// <summary>The waterfall of a pair as the view reads it from match_pair.explanation.</summary>
public static class ExplanationJson
{
    public static string Serialise(ScoredPair pair) => JsonSerializer.Serialize(new Dictionary<string, object?>
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
