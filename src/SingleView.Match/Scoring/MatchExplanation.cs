using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>One bar of the waterfall: a comparison, the level observed, and the weight it added.</summary>
public sealed record ComparisonOutcome(string Comparison, string Level, double Weight, string? LeftValue, string? RightValue);

/// <summary>
/// Why a pair scored what it did: prior + the weight of each comparison = match weight, turned into a
/// probability. Comparisons with a value missing on either side are listed with level "null" and weight 0.
/// </summary>
public sealed record MatchExplanation(
    double Prior,
    IReadOnlyList<ComparisonOutcome> Comparisons,
    double MatchWeight,
    double MatchProbability,
    IReadOnlyList<string> SafeguardsApplied)
{
    public string LevelOf(Comparison comparison) =>
        Comparisons.FirstOrDefault(c => c.Comparison == ComparisonLevels.All[comparison].Name)?.Level ?? "null";
}
