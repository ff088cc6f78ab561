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

/// <summary>One EM run on one training blocking rule; a rule that found no pairs is not run and says so in <see cref="Note"/>.</summary>
public sealed record EmRun(string BlockingRule, long Pairs, IReadOnlyList<string> HeldOut, int Iterations, bool Converged, double LastChange, double MatchingShare)
{
    public string? Note { get; init; }
}

/// <summary>
/// What one prediction blocking rule brings: the candidate pairs it adds (pairs an earlier rule already
/// holds are counted there), and how many of them the trained model scores at or above the link
/// probability before any safeguard: the likely matches it finds.
/// </summary>
public sealed record BlockingRuleYield(string BlockingRule, long CandidatePairs, long LikelyMatches);

/// <summary>The trained model and how it was trained.</summary>
public sealed record TrainingResult(MatchModel Model, IReadOnlyList<EmRun> Runs, string PriorSource)
{
    /// <summary>Per prediction blocking rule, in order: candidate pairs and likely matches.</summary>
    public IReadOnlyList<BlockingRuleYield> Blocking { get; init; } = [];
}

/// <summary>Training could not produce parameters a refresh can use; nothing is written.</summary>
public sealed class TrainingException(string message) : Exception(message);

/// <summary>
/// Learns the model's parameters without labels (Splink's approach): u from random record pairs,
/// m by expectation maximisation on the pairs of each training blocking rule with that rule's own
/// comparisons held out and u fixed, and the prior from the expected number of matches among the
/// candidate pairs. Levels marked fixed (identifiers) are left as configured. Whatever the data, the
/// result is usable: a rule that finds no pairs is skipped, a comparison or level no training pair
/// shows keeps its configured m (and says so), and a figure that is not a probability stops training.
/// </summary>
public static class MatchTrainer
{
    public const string NoEvidence = "configuration (no training pair showed this level)";

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
        // Pairs seen at each level by the runs that estimated the comparison: a level none of them saw has no evidence.
        var seen = comparisons.Select(c => new long[c.Levels.Length]).ToArray();
        var estimates = new int[comparisons.Length];
        var sourceRules = comparisons.Select(_ => new List<string>()).ToArray();
        var runs = new List<EmRun>();
        foreach (var rule in configured.TrainingBlockingRules)
        {
            var heldOutColumns = rule.Keys.SelectMany(BlockingKeys.ColumnsOf).ToHashSet();
            var heldOut = comparisons.Where(c => heldOutColumns.Contains(c.Column)).Select(c => c.Name).ToList();
            var pairs = CandidatePairs.Generate(sample, [rule]);
            if (pairs.Length == 0)
            {
                runs.Add(new EmRun(rule.Name, 0, heldOut, 0, false, 0, 0) { Note = "no pairs: the rule's columns are empty or never agree in this data; not used" });
                continue;
            }

            var patterns = PatternCounter.Count(configured, sample, pairs);
            var observed = comparisons.Select(c => new long[c.Levels.Length]).ToArray();
            foreach (var pattern in patterns)
            {
                for (var k = 0; k < comparisons.Length; k++)
                {
                    if (pattern.Levels[k] >= 0) observed[k][pattern.Levels[k]] += pattern.Count;
                }
            }

            var used = comparisons.Select(c => !heldOutColumns.Contains(c.Column)).ToArray();
            // A comparison with no value on both sides of any pair says nothing here: it is not estimated from this rule.
            var estimated = comparisons.Select((c, k) => used[k] && !fixedLevels[k] && observed[k].Sum() > 0).ToArray();
            var estimate = ExpectationMaximisation.Run(patterns, initialM, u, 0.1, used, estimated, estimateU: false, options.MaximumIterations);
            for (var k = 0; k < comparisons.Length; k++)
            {
                if (!estimated[k]) continue;
                for (var l = 0; l < sums[k].Length; l++)
                {
                    sums[k][l] += estimate.M[k][l];
                    seen[k][l] += observed[k][l];
                }

                estimates[k]++;
                sourceRules[k].Add(rule.Name);
            }

            runs.Add(new EmRun(rule.Name, pairs.Length, heldOut, estimate.Iterations, estimate.Converged, estimate.LastChange, estimate.MatchingShare));
        }

        var trainedM = comparisons.Select((comparison, k) => estimates[k] == 0 ? null : TrainedM(comparison, sums[k], seen[k], estimates[k], options.MinimumM)).ToArray();
        var uSource = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{options.RandomPairs} random pairs, seed {options.Seed}");
        var trainedComparisons = comparisons.Select((comparison, k) => comparison with
        {
            Levels = comparison.Levels.Select((level, l) => level.Fixed ? level with { Source = "fixed in configuration" } : level with
            {
                M = trainedM[k]?[l] ?? level.M,
                U = u[k][l],
                Source = $"m: {MSource(trainedM[k] is null, seen[k][l] == 0, sourceRules[k])}; u: {uSource}",
            }).ToImmutableArray(),
        }).ToImmutableArray();

        var trained = configured with { Comparisons = trainedComparisons, Provenance = provenance, ParametersSource = provenance.Source };
        var (prior, priorSource, candidatePairs) = EstimatePrior(trained, all, options);
        var model = trained with { PriorMatchProbability = prior };
        CheckUsable(model);
        return new TrainingResult(model, runs, priorSource) { Blocking = Yield(model, all, candidatePairs) };
    }

    private static string MSource(bool notEstimated, bool levelUnseen, List<string> rules) =>
        notEstimated ? "configuration (no training rule gave this comparison evidence)"
        : levelUnseen ? NoEvidence
        : $"EM on {string.Join(", ", rules)}";

    /// <summary>
    /// The mean of the runs' m, floored so that no level becomes a veto (EM on synthetic or small data can
    /// drive a level's m to nothing). A level no training pair showed keeps its configured m: EM would
    /// only have driven it to the floor for want of evidence, not because of any. The others share the rest.
    /// </summary>
    private static double[] TrainedM(ComparisonDefinition comparison, double[] sums, long[] seen, int estimates, double minimumM)
    {
        var levels = comparison.Levels;
        var kept = Enumerable.Range(0, levels.Length).Where(l => seen[l] == 0).Sum(l => levels[l].M);
        var rest = Math.Max(1 - kept, minimumM);
        var floored = sums.Select((s, l) => seen[l] == 0 ? 0 : Math.Max(s / estimates, minimumM)).ToArray();
        var total = floored.Sum();
        return floored.Select((value, l) => seen[l] == 0 ? levels[l].M : value / total * rest).ToArray();
    }

    /// <summary>Every m, u and the prior a probability strictly between 0 and 1, or training stops: a refresh must never meet NaN.</summary>
    private static void CheckUsable(MatchModel model)
    {
        static bool Probability(double value) => double.IsFinite(value) && value > 0 && value < 1;
        if (!Probability(model.PriorMatchProbability))
        {
            throw new TrainingException($"the prior match probability came out as {model.PriorMatchProbability}, not a probability; nothing was written");
        }

        foreach (var comparison in model.Comparisons)
        {
            foreach (var level in comparison.Levels.Where(l => !Probability(l.M) || !Probability(l.U)))
            {
                throw new TrainingException($"{comparison.Name}.{level.Name} came out as m {level.M}, u {level.U}, not probabilities; nothing was written");
            }
        }
    }

    /// <summary>Per prediction rule, the candidate pairs it adds and those the trained model would link before safeguards.</summary>
    private static List<BlockingRuleYield> Yield(MatchModel model, PreparedRecord[] records, CandidatePair[] pairs)
    {
        var scorer = new PairScorer(model);
        var ruleCount = model.BlockingRules.Length;
        var candidates = new long[ruleCount];
        var likely = new long[ruleCount];
        var linkWeight = Math.Log2(model.LinkProbability / (1 - model.LinkProbability));
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, Math.Max(4096, pairs.Length / 64)), range =>
        {
            Span<int> levels = stackalloc int[scorer.ComparisonCount];
            var localCandidates = new long[ruleCount];
            var localLikely = new long[ruleCount];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var pair = pairs[i];
                localCandidates[pair.Rule]++;
                if (scorer.Score(records[pair.Left], records[pair.Right], levels) >= linkWeight) localLikely[pair.Rule]++;
            }

            lock (candidates)
            {
                for (var r = 0; r < ruleCount; r++)
                {
                    candidates[r] += localCandidates[r];
                    likely[r] += localLikely[r];
                }
            }
        });
        return model.BlockingRules.Select((rule, r) => new BlockingRuleYield(rule.Name, candidates[r], likely[r])).ToList();
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
    /// every match, so this is close to the true share of matching pairs. With no candidate pair there
    /// is nothing to count, and the configured prior stays (said so in its source).
    /// </summary>
    private static (double Prior, string Source, CandidatePair[] Pairs) EstimatePrior(MatchModel model, PreparedRecord[] records, TrainingOptions options)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var pairs = CandidatePairs.Generate(records, model.BlockingRules);
        if (pairs.Length == 0)
        {
            return (model.PriorMatchProbability, string.Create(c, $"configuration: the blocking rules found no candidate pairs among {records.Length} records"), pairs);
        }

        var patterns = PatternCounter.Count(model, records, pairs);
        var m = model.Comparisons.Select(k => k.Levels.Select(l => l.M).ToArray()).ToArray();
        var u = model.Comparisons.Select(k => k.Levels.Select(l => l.U).ToArray()).ToArray();
        var none = new bool[m.Length];
        var all = Enumerable.Repeat(true, m.Length).ToArray();
        var estimate = ExpectationMaximisation.Run(patterns, m, u, 0.5, all, none, estimateU: false, options.MaximumIterations);
        var expectedMatches = estimate.MatchingShare * pairs.Length;
        var possible = (double)records.Length * (records.Length - 1) / 2;
        var prior = Math.Clamp(expectedMatches / possible, 1e-12, 0.5);
        return (prior, string.Create(c,
            $"{expectedMatches:0} expected matches (EM share {estimate.MatchingShare:0.####} of {pairs.Length} candidate pairs) over {possible:0} possible pairs"), pairs);
    }
}
