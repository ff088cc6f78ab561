using System.Collections.Immutable;
using SingleView.Core.Model;
using SingleView.Match.Blocking;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Training;

/// <summary>How a training run is done. Defaults suit an authority of up to a few million records.</summary>
public sealed record TrainingOptions
{
    /// <summary>Seeds the random pairs for u and the record sample: same data and seed, same parameters.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Random record pairs drawn to estimate u.</summary>
    public int RandomPairs { get; init; } = 1_000_000;
    /// <summary>Above this many records, EM trains on a seeded random sample of them (u still sees them all).</summary>
    public int MaximumRecords { get; init; } = 300_000;
    public int MaximumIterations { get; init; } = 200;
    /// <summary>The least m a trained level may have, so that no level becomes a veto.</summary>
    public double MinimumM { get; init; } = 0.001;

    public void Validate()
    {
        if (RandomPairs < 1000) throw new ArgumentException("At least 1,000 random pairs are needed to estimate u.", nameof(RandomPairs));
        if (MaximumRecords < 100) throw new ArgumentException("Training needs at least 100 records.", nameof(MaximumRecords));
        if (MaximumIterations < 1) throw new ArgumentException("At least one iteration is needed.", nameof(MaximumIterations));
        if (MinimumM is <= 0 or >= 0.1) throw new ArgumentException("The least m must be above 0 and below 0.1.", nameof(MinimumM));
    }
}

/// <summary>One EM run on one training blocking rule.</summary>
public sealed record EmRun(string BlockingRule, long Pairs, IReadOnlyList<string> HeldOut, int Iterations, bool Converged, double LastChange, double MatchingShare);

/// <summary>The trained model and how it was trained.</summary>
public sealed record TrainingResult(MatchModel Model, IReadOnlyList<EmRun> Runs, string PriorSource);

/// <summary>
/// Learns the model's parameters without labels (Splink's approach): u from random record pairs,
/// m by expectation maximisation on the pairs of each training blocking rule with that rule's own
/// comparisons held out and u fixed, and the prior from the expected number of matches among the
/// candidate pairs. Levels marked fixed (identifiers) are left as configured.
/// </summary>
public static class MatchTrainer
{
    public static TrainingResult Train(MatchModel configured, IReadOnlyList<PersonRecord> records, TrainingOptions options, ParameterProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (records.Count < 100) throw new ArgumentException($"Training needs at least 100 records; there are {records.Count}.", nameof(records));
        if (configured.TrainingBlockingRules.IsEmpty) throw new ArgumentException("matching.yaml names no training.blocking_rules.", nameof(configured));

        var all = MatchEngine.Prepare(records);
        var comparisons = configured.Comparisons;
        var initialM = comparisons.Select(c => c.Levels.Select(l => l.M).ToArray()).ToArray();
        var u = EstimateU(configured, all, options);
        var fixedLevels = comparisons.Select(c => c.Levels.Any(l => l.Fixed)).ToArray();
        for (var k = 0; k < comparisons.Length; k++)
        {
            if (fixedLevels[k]) u[k] = comparisons[k].Levels.Select(l => l.U).ToArray();
        }

        var sample = Sample(all, options);
        var sums = comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var estimates = new int[comparisons.Length];
        var sourceRules = comparisons.Select(_ => new List<string>()).ToArray();
        var runs = new List<EmRun>();
        foreach (var rule in configured.TrainingBlockingRules)
        {
            var heldOutColumns = rule.Keys.SelectMany(BlockingKeys.ColumnsOf).ToHashSet();
            var used = comparisons.Select(c => !heldOutColumns.Contains(c.Column)).ToArray();
            var estimated = comparisons.Select((c, k) => used[k] && !fixedLevels[k]).ToArray();
            var pairs = CandidatePairs.Generate(sample, [rule]);
            var patterns = PatternCounter.Count(configured, sample, pairs);
            var estimate = ExpectationMaximisation.Run(patterns, initialM, u, 0.1, used, estimated, estimateU: false, options.MaximumIterations);
            for (var k = 0; k < comparisons.Length; k++)
            {
                if (!estimated[k]) continue;
                for (var l = 0; l < sums[k].Length; l++) sums[k][l] += estimate.M[k][l];
                estimates[k]++;
                sourceRules[k].Add(rule.Name);
            }

            runs.Add(new EmRun(rule.Name, pairs.Length, comparisons.Where(c => heldOutColumns.Contains(c.Column)).Select(c => c.Name).ToList(),
                estimate.Iterations, estimate.Converged, estimate.LastChange, estimate.MatchingShare));
        }

        // EM on synthetic or small data can drive a level's m to nothing (no typo ever seen at that
        // level), which would make the level a veto; a floor keeps it ordinary evidence.
        for (var k = 0; k < comparisons.Length; k++)
        {
            if (estimates[k] == 0) continue;
            var floored = sums[k].Select(s => Math.Max(s / estimates[k], options.MinimumM)).ToArray();
            var total = floored.Sum();
            for (var l = 0; l < floored.Length; l++) sums[k][l] = floored[l] / total * estimates[k];
        }

        var uSource = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{options.RandomPairs} random pairs, seed {options.Seed}");
        var trainedComparisons = comparisons.Select((comparison, k) => comparison with
        {
            Levels = comparison.Levels.Select((level, l) => level.Fixed ? level with { Source = "fixed in configuration" } : level with
            {
                M = estimates[k] > 0 ? sums[k][l] / estimates[k] : level.M,
                U = u[k][l],
                Source = $"m: {(estimates[k] > 0 ? $"EM on {string.Join(", ", sourceRules[k])}" : "configuration (held out of every training rule)")}; u: {uSource}",
            }).ToImmutableArray(),
        }).ToImmutableArray();

        var trained = configured with { Comparisons = trainedComparisons, Provenance = provenance, ParametersSource = provenance.Source };
        var (prior, priorSource) = EstimatePrior(trained, all, options);
        return new TrainingResult(trained with { PriorMatchProbability = prior }, runs, priorSource);
    }

    /// <summary>u: how often each level is seen among random pairs, which are almost all different people.</summary>
    internal static double[][] EstimateU(MatchModel model, PreparedRecord[] records, TrainingOptions options)
    {
        var n = records.Length;
        const int chunk = 65_536;
        var chunks = (options.RandomPairs + chunk - 1) / chunk;
        var pairs = new (int, int)[options.RandomPairs];
        // One generator per chunk, seeded from the run's seed: the same pairs whatever the thread count.
        Parallel.For(0, chunks, c =>
        {
            var random = new Random(HashCode.Combine(options.Seed, c));
            for (var i = c * chunk; i < Math.Min(options.RandomPairs, (c + 1) * chunk); i++)
            {
                var a = random.Next(n);
                var b = random.Next(n - 1);
                if (b >= a) b++;
                pairs[i] = (a, b);
            }
        });
        var patterns = PatternCounter.Count(model, pairs.Length, i => (records[pairs[i].Item1], records[pairs[i].Item2]));
        return model.Comparisons.Select((comparison, k) =>
        {
            var counts = new double[comparison.Levels.Length];
            foreach (var pattern in patterns)
            {
                if (pattern.Levels[k] >= 0) counts[pattern.Levels[k]] += pattern.Count;
            }

            // Half a pair for a level never seen, so a rare agreement is rare evidence, not impossible.
            var total = counts.Sum() + (0.5 * counts.Length);
            return counts.Select(c => Math.Max((c + 0.5) / total, ExpectationMaximisation.Floor)).ToArray();
        }).ToArray();
    }

    private static PreparedRecord[] Sample(PreparedRecord[] all, TrainingOptions options)
    {
        if (all.Length <= options.MaximumRecords) return all;
        var random = new Random(options.Seed);
        var chosen = Enumerable.Range(0, all.Length).ToArray();
        random.Shuffle(chosen);
        var kept = chosen.Take(options.MaximumRecords).Order().ToArray();
        var sample = new PreparedRecord[kept.Length];
        var cache = new PreparationCache();
        for (var i = 0; i < kept.Length; i++)
        {
            sample[i] = new PreparedRecord(i, all[kept[i]].Record, cache);
        }

        ValueFrequencies.Of(all).Annotate(sample);
        return sample;
    }

    /// <summary>
    /// The prior: the expected number of matching pairs among the candidate pairs (EM with m and u
    /// fixed, estimating only the matching share), over all possible pairs. Blocking finds almost
    /// every match, so this is close to the true share of matching pairs.
    /// </summary>
    private static (double Prior, string Source) EstimatePrior(MatchModel model, PreparedRecord[] records, TrainingOptions options)
    {
        var pairs = CandidatePairs.Generate(records, model.BlockingRules);
        var patterns = PatternCounter.Count(model, records, pairs);
        var m = model.Comparisons.Select(c => c.Levels.Select(l => l.M).ToArray()).ToArray();
        var u = model.Comparisons.Select(c => c.Levels.Select(l => l.U).ToArray()).ToArray();
        var none = new bool[m.Length];
        var all = Enumerable.Repeat(true, m.Length).ToArray();
        var estimate = ExpectationMaximisation.Run(patterns, m, u, 0.5, all, none, estimateU: false, options.MaximumIterations);
        var expectedMatches = estimate.MatchingShare * pairs.Length;
        var possible = (double)records.Length * (records.Length - 1) / 2;
        var prior = Math.Clamp(expectedMatches / possible, 1e-12, 0.5);
        return (prior, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{expectedMatches:0} expected matches (EM share {estimate.MatchingShare:0.####} of {pairs.Length} candidate pairs) over {possible:0} possible pairs"));
    }
}
