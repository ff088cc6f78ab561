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
public sealed class MatchEngine
{
    public const string LinkedByPerson = "linked by a person (data quality decision)";
    public const string RefusedByClustering = "joining would put two different NHS numbers, distant dates of birth or records a person kept apart in one person";
    public const string PersonDecisionRule = "(person's decision)";

    private readonly PairScorer scorer;
    private readonly DecisionRules rules;

    public MatchEngine(MatchModel model)
    {
        this.model = model;
        scorer = new PairScorer(model);
        rules = new DecisionRules(model, scorer);
    }

    private readonly MatchModel model;

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
        var cpu = new ProcessorClock();
        var prepared = Prepare(records);
        var keys = MatchKeys.Of(prepared, model.Nicknames, out var nicknameGroups);
        var indexOf = IndexOfConstrained(records, constraints);
        var mustLink = Resolve(constraints.MustLink, indexOf);
        var cannotLink = Resolve(constraints.CannotLink, indexOf);
        var decided = new HashSet<long>(mustLink.Select(PairId).Concat(cannotLink.Select(PairId)));
        var preparingTime = clock.Elapsed;
        var preparingCpu = cpu.Lap();
        clock.Restart();

        var blocks = CandidateBlocks.Build(prepared, model.BlockingRules, warn);
        var blockingTime = clock.Elapsed;
        var blockingCpu = cpu.Lap();
        clock.Restart();

        var (kept, candidateCount) = ScoreCandidates(prepared, keys, nicknameGroups, blocks, decided);
        // Explanations only for the pairs kept (linked or for review), in candidate order; built on both cores.
        var pairs = new (ScoredPair Pair, int Left, int Right)[kept.Count];
        Parallel.For(0, kept.Count, i =>
        {
            var candidate = kept[i];
            pairs[i] = (Explain(prepared[candidate.Left], prepared[candidate.Right], model.BlockingRules[candidate.Rule].Name), candidate.Left, candidate.Right);
        });

        var scoringTime = clock.Elapsed;
        var scoringCpu = cpu.Lap();
        clock.Restart();

        var linkIndexes = new List<int>();
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Pair.Decision == MatchDecision.Linked) linkIndexes.Add(i);
        }

        var links = linkIndexes.Select(i => (pairs[i].Left, pairs[i].Right, pairs[i].Pair.Explanation.MatchWeight)).ToList();
        var byIdentifier = linkIndexes.Select(i => IdentifierCorroborates(prepared[pairs[i].Left], prepared[pairs[i].Right])).ToArray();
        var outcome = new GuardedClusterer(model.Safeguards.ClusterMaxDateOfBirthSpreadDays).Cluster(prepared, links, mustLink, cannotLink, byIdentifier);
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
            CandidatePairs = candidateCount,
            Unmatchable = prepared.Count(p => p.Unmatchable),
            Timings = new MatchTimings(preparingTime, blockingTime, scoringTime, clusteringTime)
            {
                ProcessorTime = new MatchTimings(preparingCpu, blockingCpu, scoringCpu, cpu.Lap()),
            },
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

    /// <summary>The decision's own test: the same identifier, or a named identifier one keystroke off.</summary>
    private bool IdentifierCorroborates(PreparedRecord left, PreparedRecord right)
    {
        Span<int> levels = stackalloc int[scorer.ComparisonCount];
        scorer.Score(left, right, levels);
        return rules.IdentifierCorroborates(left, right, levels);
    }

    internal static PreparedRecord[] Prepare(IReadOnlyList<PersonRecord> records)
    {
        var prepared = new PreparedRecord[records.Count];
        var cache = new PreparationCache();
        Parallel.For(0, records.Count, i => prepared[i] = new PreparedRecord(i, records[i], cache));
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

    /// <summary>
    /// Walks every block's pairs on both cores, each pair once (by the first rule that blocks it), and
    /// keeps the pairs that are linked or for review. A pair whose weight bound from the integer keys is
    /// below review is not linked whatever its strings say and is not scored; the rest are scored and
    /// decided exactly as one by one. Nothing is allocated per pair.
    /// </summary>
    private (List<CandidatePair> Kept, int Count) ScoreCandidates(PreparedRecord[] prepared, MatchKeys[] keys, HashSet<int>[] nicknameGroups, CandidateBlocks blocks, HashSet<long> decided)
    {
        if (blocks.Count == 0) return ([], 0);
        var bound = new WeightBound(model, scorer, prepared, nicknameGroups);
        var kept = new ConcurrentBag<List<CandidatePair>>();
        var count = 0L;
        Parallel.ForEach(Partitioner.Create(0, blocks.Count, Math.Max(256, blocks.Count / 256)), range =>
        {
            Span<int> levels = stackalloc int[scorer.ComparisonCount];
            var local = new List<CandidatePair>();
            var localCount = 0L;
            // A block's keys copied side by side: its members are scattered over the run, its pairs are not.
            var blockKeys = new MatchKeys[CandidatePairs.MaximumBlockSize];
            var blockRows = new long[CandidatePairs.MaximumBlockSize * blocks.RuleCount];
            for (var block = range.Item1; block < range.Item2; block++)
            {
                var members = blocks.Members(block, out var rule);
                for (var i = 0; i < members.Length; i++) blockKeys[i] = keys[members[i]];
                if (rule > 0) blocks.CopyKeyRows(members, blockRows);
                for (var i = 0; i < members.Length; i++)
                {
                    var a = members[i];
                    ref readonly var keysA = ref blockKeys[i];
                    for (var j = i + 1; j < members.Length; j++)
                    {
                        if (rule > 0 && CandidateBlocks.MetByEarlierRule(blockRows, blocks.RuleCount, rule, i, j)) continue;
                        var b = members[j];
                        localCount++;
                        if (decided.Count > 0 && decided.Contains(PairId((a, b)))) continue;
                        if (bound.BelowReview(keysA, blockKeys[j], a)) continue;
                        var left = prepared[a];
                        var right = prepared[b];
                        var weight = scorer.Score(left, right, levels);
                        if (rules.Decide(left, right, levels, weight, null) != MatchDecision.NotLinked) local.Add(new CandidatePair(a, b, rule));
                    }
                }
            }

            kept.Add(local);
            Interlocked.Add(ref count, localCount);
        });

        // Candidate order, whatever the threads did: the result must not depend on scheduling.
        var all = kept.SelectMany(k => k).ToList();
        all.Sort((x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        return (all, checked((int)count));
    }

    /// <summary>The index of each record a person's decision names (the first record of that key), and of no other: a run without decisions indexes nothing.</summary>
    private static Dictionary<SourceRecordKey, int> IndexOfConstrained(IReadOnlyList<PersonRecord> records, MatchConstraints constraints)
    {
        var indexOf = new Dictionary<SourceRecordKey, int>();
        foreach (var (left, right) in constraints.MustLink.Concat(constraints.CannotLink))
        {
            indexOf.TryAdd(left, -1);
            indexOf.TryAdd(right, -1);
        }

        if (indexOf.Count == 0) return indexOf;
        for (var i = 0; i < records.Count; i++)
        {
            if (indexOf.TryGetValue(records[i].Key, out var found) && found < 0) indexOf[records[i].Key] = i;
        }

        foreach (var (key, index) in indexOf.ToList())
        {
            if (index < 0) indexOf.Remove(key);
        }

        return indexOf;
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
