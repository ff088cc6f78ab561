namespace SingleView.Match.Scoring;

/// <summary>
/// One bar of the waterfall: a comparison, the level observed, and the weight it added. A
/// term-frequency adjustment is a bar of its own (<see cref="IsTermFrequencyAdjustment"/>), right after
/// its comparison, so a reader sees "exact" and "…but Smith is common" separately.
/// </summary>
public sealed record ComparisonOutcome(string Comparison, string Level, double Weight, string? LeftValue, string? RightValue)
{
    public bool IsTermFrequencyAdjustment { get; init; }
}

/// <summary>
/// Why a pair scored what it did: prior + the weight of each comparison (+ term-frequency adjustments)
/// = match weight, turned into a probability. Comparisons with a value missing on either side are
/// listed with level "null" and weight 0.
/// </summary>
public sealed record MatchExplanation(
    double Prior,
    IReadOnlyList<ComparisonOutcome> Comparisons,
    double MatchWeight,
    double MatchProbability,
    IReadOnlyList<string> SafeguardsApplied)
{
    public string LevelOf(string comparison) =>
        Comparisons.FirstOrDefault(c => c.Comparison == comparison && !c.IsTermFrequencyAdjustment)?.Level ?? "null";
}
