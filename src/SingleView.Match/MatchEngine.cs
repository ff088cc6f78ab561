using System.Collections.Concurrent;
using System.Diagnostics;
using SingleView.Core.Model;
using SingleView.Match.Blocking;
using SingleView.Match.Clustering;
using SingleView.Match.Constraints;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match;

/// <summary>
/// Links person records that are the same person, within and across feeds alike: block, compare,
/// score, decide, then cluster with the chaining guard and people's decisions as hard constraints.
/// </summary>
public sealed class MatchEngine(MatchModel model)
{
    public const string LinkedByPerson = "linked by a person (data quality decision)";
    public const string RefusedByClustering = "joining would put two different NHS numbers, distant dates of birth or records a person kept apart in one person";
    public const string PersonDecisionRule = "(person's decision)";

    private readonly PairScorer scorer = new(model);
    private readonly DecisionRules rules = new(model);

    public MatchModel Model => model;

    public MatchResult Run(IReadOnlyList<PersonRecord> records, Action<string>? warn = null) => Run(records, MatchConstraints.None, warn);

    /// <summary>
    /// Matches <paramref name="records"/> with people's decisions as hard constraints: must-link pairs
    /// are linked whatever their score, cannot-link pairs never end up in one person (not even through
    /// a chain), and neither is ever queued for review again. Constraints naming records not in this
    /// run are ignored (the record has gone).
    /// </summary>
    public MatchResult Run(IReadOnlyList<PersonRecord> records, MatchConstraints constraints, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(constraints);
        var clock = Stopwatch.StartNew();
        var prepared = Prepare(records);
        var indexOf = new Dictionary<SourceRecordKey, int>(records.Count);
        for (var i = 0; i < records.Count; i++) indexOf.TryAdd(records[i].Key, i);
        var mustLink = Resolve(constraints.MustLink, indexOf);
        var cannotLink = Resolve(constraints.CannotLink, indexOf);
        var decided = new HashSet<long>(mustLink.Select(PairId).Concat(cannotLink.Select(PairId)));
        var preparingTime = clock.Elapsed;
        clock.Restart();

        var candidates = CandidatePairs.Generate(prepared, model.BlockingRules, warn);
        var blockingTime = clock.Elapsed;
        clock.Restart();

        var kept = ScoreCandidates(prepared, candidates, decided);
        var pairs = new List<(ScoredPair Pair, int Left, int Right)>(kept.Count);
        foreach (var (candidate, _) in kept)
        {
            var left = prepared[candidate.Left];
            var right = prepared[candidate.Right];
            pairs.Add((Explain(left, right, model.BlockingRules[candidate.Rule].Name), candidate.Left, candidate.Right));
        }

        var scoringTime = clock.Elapsed;
        clock.Restart();

        var linkIndexes = new List<int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Pair.Decision == MatchDecision.Linked) linkIndexes.Add(i);
        }

        var links = linkIndexes.Select(i => (pairs[i].Left, pairs[i].Right, pairs[i].Pair.Explanation.MatchWeight)).ToList();
        var outcome = new GuardedClusterer(model.Safeguards.ClusterMaxDateOfBirthSpreadDays).Cluster(prepared, links, mustLink, cannotLink);
        foreach (var refusedLink in outcome.RefusedLinks)
        {
            var index = linkIndexes[refusedLink];
            var pair = pairs[index].Pair;
            pairs[index] = pairs[index] with
            {
                Pair = pair with
                {
                    Decision = MatchDecision.Review,
                    Explanation = pair.Explanation with { SafeguardsApplied = [.. pair.Explanation.SafeguardsApplied, RefusedByClustering] },
                },
            };
        }

        var result = pairs.Select(p => p.Pair).ToList();
        var refusedMustLinks = outcome.RefusedMustLinks.ToHashSet();
        for (var i = 0; i < mustLink.Count; i++)
        {
            var (a, b) = mustLink[i];
            if (refusedMustLinks.Contains(i))
            {
                warn?.Invoke($"people's decisions contradict each other: {prepared[a].Key} and {prepared[b].Key} must be linked, but that would join records a person kept apart; they are kept apart");
                continue;
            }

            var explanation = scorer.Explain(prepared[a], prepared[b]);
            result.Add(new ScoredPair(prepared[a].Key, prepared[b].Key, MatchDecision.Linked, explanation with { SafeguardsApplied = [LinkedByPerson] }, PersonDecisionRule)
            {
                DecidedByPerson = true,
            });
        }

        var people = new Dictionary<int, List<PersonRecord>>();
        for (var i = 0; i < prepared.Length; i++)
        {
            var cluster = outcome.ClusterOf[i];
            if (!people.TryGetValue(cluster, out var members)) people[cluster] = members = [];
            members.Add(prepared[i].Record);
        }

        var clusteringTime = clock.Elapsed;
        return new MatchResult
        {
            Pairs = result,
            People = people.Values.Select(p => (IReadOnlyList<PersonRecord>)p).ToList(),
            CandidatePairs = candidates.Length,
            Unmatchable = prepared.Count(p => p.Unmatchable),
            Timings = new MatchTimings(preparingTime, blockingTime, scoringTime, clusteringTime),
        };
    }

    /// <summary>Scores any two records, linked or not, for <c>singleview explain</c>, with every value counted once.</summary>
    public ScoredPair Explain(PersonRecord left, PersonRecord right) => Explain(left, right, ValueFrequencies.Empty);

    /// <summary>
    /// Scores any two records with the value frequencies of the run they belong to, so that the
    /// term-frequency adjustments and the misspelling level are what the nightly run saw.
    /// </summary>
    public ScoredPair Explain(PersonRecord left, PersonRecord right, ValueFrequencies frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        PreparedRecord[] pair = [new(0, left), new(1, right)];
        frequencies.Annotate(pair);
        return Explain(pair[0], pair[1], "(explain)");
    }

    internal static PreparedRecord[] Prepare(IReadOnlyList<PersonRecord> records)
    {
        var prepared = new PreparedRecord[records.Count];
        Parallel.For(0, records.Count, i => prepared[i] = new PreparedRecord(i, records[i]));
        ValueFrequencies.Of(prepared).Annotate(prepared);
        return prepared;
    }

    private ScoredPair Explain(PreparedRecord left, PreparedRecord right, string blockingRule)
    {
        var explanation = scorer.Explain(left, right);
        Span<int> levels = stackalloc int[scorer.ComparisonCount];
        var weight = scorer.Score(left, right, levels);
        var reasons = new List<string>();
        var decision = rules.Decide(left, right, levels, weight, reasons);
        return new ScoredPair(left.Key, right.Key, decision, explanation with { SafeguardsApplied = reasons }, blockingRule);
    }

    /// <summary>Scores every candidate without allocating per pair; keeps the pairs that are linked or for review.</summary>
    private List<(CandidatePair Candidate, double Weight)> ScoreCandidates(PreparedRecord[] prepared, CandidatePair[] candidates, HashSet<long> decided)
    {
        var kept = new ConcurrentBag<List<(CandidatePair, double)>>();
        if (candidates.Length == 0) return [];
        Parallel.ForEach(Partitioner.Create(0, candidates.Length, Math.Max(1024, candidates.Length / 64)), range =>
        {
            Span<int> levels = stackalloc int[scorer.ComparisonCount];
            var local = new List<(CandidatePair, double)>();
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var candidate = candidates[i];
                if (decided.Count > 0 && decided.Contains(PairId((candidate.Left, candidate.Right)))) continue;
                var left = prepared[candidate.Left];
                var right = prepared[candidate.Right];
                var weight = scorer.Score(left, right, levels);
                if (rules.Decide(left, right, levels, weight, null) != MatchDecision.NotLinked) local.Add((candidate, weight));
            }

            kept.Add(local);
        });

        // Candidate order, whatever the threads did: the result must not depend on scheduling.
        var all = kept.SelectMany(k => k).ToList();
        all.Sort((x, y) => x.Item1.Left != y.Item1.Left ? x.Item1.Left.CompareTo(y.Item1.Left) : x.Item1.Right.CompareTo(y.Item1.Right));
        return all;
    }

    private static List<(int Left, int Right)> Resolve(IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> pairs, Dictionary<SourceRecordKey, int> indexOf)
    {
        var resolved = new List<(int, int)>(pairs.Count);
        foreach (var (left, right) in pairs)
        {
            if (indexOf.TryGetValue(left, out var a) && indexOf.TryGetValue(right, out var b) && a != b) resolved.Add(a < b ? (a, b) : (b, a));
        }

        return resolved;
    }

    private static long PairId((int Left, int Right) pair)
    {
        var (a, b) = pair.Left < pair.Right ? (pair.Left, pair.Right) : (pair.Right, pair.Left);
        return ((long)a << 32) | (uint)b;
    }
}
