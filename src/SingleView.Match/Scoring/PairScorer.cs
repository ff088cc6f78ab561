using System.Globalization;
using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>
/// Compares two prepared records comparison by comparison and adds up the evidence: the fast path
/// (<see cref="Score"/>) writes level indexes into a span and returns the weight without allocating;
/// <see cref="Explain"/> builds the waterfall for pairs a person may look at.
/// </summary>
internal sealed class PairScorer
{
    public const string NullLevel = "null";

    private readonly MatchModel model;
    private readonly ComparisonDefinition[] comparisons;
    private readonly double[][] weights;
    private readonly double minimumU;
    private readonly double adjustmentWeight;
    private readonly int minimumValues;
    // One label per count: hundreds of thousands of explanations share a few thousand counts.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> termFrequencyLabels = new();
    // Outcomes are immutable, and many are alike (no e-mail on either side, Male against Male): those are shared.
    private readonly ComparisonOutcome[] nothingToCompare;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Level, string? Left, string? Right), ComparisonOutcome> genderOutcomes = new();

    public PairScorer(MatchModel model)
    {
        this.model = model;
        comparisons = [.. model.Comparisons];
        weights = comparisons.Select(c => c.Levels.Select(l => l.Weight).ToArray()).ToArray();
        minimumU = model.TermFrequency.MinimumU;
        adjustmentWeight = model.TermFrequency.AdjustmentWeight;
        minimumValues = model.TermFrequency.MinimumValues;
        nothingToCompare = comparisons.Select(c => new ComparisonOutcome(c.Name, NullLevel, 0, null, null)).ToArray();
    }

    public int ComparisonCount => comparisons.Length;

    /// <summary>The match weight of a pair; <paramref name="levels"/> receives each comparison's level index (-1 for null).</summary>
    public double Score(PreparedRecord left, PreparedRecord right, Span<int> levels)
    {
        var weight = model.PriorWeight;
        LevelEvaluator.Levels(model.Comparisons, left, right, model.Nicknames, levels);
        for (var c = 0; c < comparisons.Length; c++)
        {
            var level = levels[c];
            if (level < 0) continue;
            weight += weights[c][level];
            var definition = comparisons[c].Levels[level];
            if (definition.TermFrequency) weight += TermFrequencyAdjustment(comparisons[c].Column, definition, left);
        }

        return weight;
    }

    /// <summary>
    /// Splink's term-frequency adjustment for an exact agreement: the level's u is replaced by how often
    /// the agreed value occurs, so log2(u / frequency) is added: positive for rare values, negative for common ones.
    /// </summary>
    public double TermFrequencyAdjustment(ComparisonColumn column, ComparisonLevel level, PreparedRecord record)
    {
        var (share, values) = column switch
        {
            ComparisonColumn.FirstName => (record.FirstNameShare, record.FirstNameValues),
            ComparisonColumn.FamilyName => (record.FamilyNameShare, record.FamilyNameValues),
            ComparisonColumn.Postcode or ComparisonColumn.Address => (record.PostcodeShare, record.PostcodeValues),
            _ => (0, 0),
        };
        if (share <= 0 || values < minimumValues) return 0;
        return adjustmentWeight * Math.Log2(level.U / Math.Max(share, minimumU));
    }

    public MatchExplanation Explain(PreparedRecord left, PreparedRecord right)
    {
        Span<int> levels = stackalloc int[comparisons.Length];
        var weight = Score(left, right, levels);
        var outcomes = new List<ComparisonOutcome>(comparisons.Length + 3);
        for (var c = 0; c < comparisons.Length; c++)
        {
            var comparison = comparisons[c];
            var leftValue = LevelEvaluator.DisplayOf(comparison.Column, left);
            var rightValue = LevelEvaluator.DisplayOf(comparison.Column, right);
            if (levels[c] < 0)
            {
                outcomes.Add(leftValue is null && rightValue is null ? nothingToCompare[c] : new ComparisonOutcome(comparison.Name, NullLevel, 0, leftValue, rightValue));
                continue;
            }

            var level = comparison.Levels[levels[c]];
            outcomes.Add(comparison.Column == ComparisonColumn.Gender
                ? genderOutcomes.GetOrAdd((levels[c], leftValue, rightValue), static (key, definition) => new ComparisonOutcome(definition.Name, definition.Levels[key.Level].Name, definition.Levels[key.Level].Weight, key.Left, key.Right), comparison)
                : new ComparisonOutcome(comparison.Name, level.Name, level.Weight, leftValue, rightValue));
            if (!level.TermFrequency) continue;
            var adjustment = TermFrequencyAdjustment(comparison.Column, level, left);
            var count = comparison.Column switch
            {
                ComparisonColumn.FirstName => left.FirstNameCount,
                ComparisonColumn.FamilyName => left.FamilyNameCount,
                _ => left.PostcodeCount,
            };
            outcomes.Add(new ComparisonOutcome(
                comparison.Name,
                termFrequencyLabels.GetOrAdd(count, static c => string.Create(CultureInfo.InvariantCulture, $"term frequency: value held by {c} records")),
                adjustment,
                leftValue,
                rightValue) { IsTermFrequencyAdjustment = true });
        }

        return new MatchExplanation(model.PriorWeight, outcomes, weight, MatchModel.ProbabilityOf(weight), []);
    }
}
