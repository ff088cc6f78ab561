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

    private readonly PairScorer scorer = new(model);
    private readonly DecisionRules rules = new(model);

    public MatchResult Run(IReadOnlyList<PersonRecord> records, Action<string>? warn = null) => Run(records, MatchConstraints.None, warn);

    /// <summary>
    /// Matches <paramref name="records"/> with people's decisions as hard constraints: must-link pairs
    /// are linked whatever their score, cannot-link pairs never end up in one person (not even through
    /// a chain), and neither is ever queued for review again. Constraints naming records not in this
    /// run are ignored (the record has gone).
    /// </summary>
    public MatchResult Run(IReadOnlyList<PersonRecord> records, MatchConstraints constraints, Action<string>? warn = null)
    {
        var prepared = new PreparedRecord[records.Count];
        var indexOf = new Dictionary<SourceRecordKey, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            prepared[i] = new PreparedRecord(i, records[i]);
            indexOf.TryAdd(records[i].Key, i);
        }

        var mustLink = Resolve(constraints.MustLink, indexOf);
        var cannotLink = Resolve(constraints.CannotLink, indexOf);
        var decided = new HashSet<long>(mustLink.Select(PairId).Concat(cannotLink.Select(PairId)));

        var candidates = CandidatePairs.Generate(prepared, model.BlockingRules, warn);
        var scored = new ScoredPair?[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var candidate = candidates[i];
            if (decided.Contains(PairId((candidate.Left, candidate.Right)))) return;
            var left = prepared[candidate.Left];
            var right = prepared[candidate.Right];
            var explanation = scorer.Score(left, right);
            var (decision, safeguards) = rules.Decide(left, right, explanation);
            if (decision == MatchDecision.NotLinked) return;
            scored[i] = new ScoredPair(left.Key, right.Key, decision, explanation with { SafeguardsApplied = safeguards }, candidate.BlockingRule);
        });

        var kept = new List<(ScoredPair Pair, int Left, int Right)>();
        for (var i = 0; i < scored.Length; i++)
        {
            if (scored[i] is { } pair) kept.Add((pair, candidates[i].Left, candidates[i].Right));
        }

        var linkIndexes = new List<int>();
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Pair.Decision == MatchDecision.Linked) linkIndexes.Add(i);
        }

        var links = linkIndexes.Select(i => (kept[i].Left, kept[i].Right, kept[i].Pair.Explanation.MatchWeight)).ToList();
        var outcome = new GuardedClusterer(model.Safeguards.ClusterMaxDateOfBirthSpreadDays).Cluster(prepared, links, mustLink, cannotLink);
        foreach (var refusedLink in outcome.RefusedLinks)
        {
            var index = linkIndexes[refusedLink];
            var pair = kept[index].Pair;
            kept[index] = kept[index] with
            {
                Pair = pair with
                {
                    Decision = MatchDecision.Review,
                    Explanation = pair.Explanation with { SafeguardsApplied = [.. pair.Explanation.SafeguardsApplied, RefusedByClustering] },
                },
            };
        }

        var pairs = kept.Select(k => k.Pair).ToList();
        var refusedMustLinks = outcome.RefusedMustLinks.ToHashSet();
        for (var i = 0; i < mustLink.Count; i++)
        {
            var (a, b) = mustLink[i];
            if (refusedMustLinks.Contains(i))
            {
                warn?.Invoke($"people's decisions contradict each other: {prepared[a].Key} and {prepared[b].Key} must be linked, but that would join records a person kept apart; they are kept apart");
                continue;
            }

            pairs.Add(LinkedByPersonPair(prepared[a], prepared[b]));
        }

        var people = prepared.GroupBy(p => outcome.ClusterOf[p.Index])
            .Select(g => (IReadOnlyList<PersonRecord>)g.Select(p => p.Record).ToList())
            .ToList();
        return new MatchResult
        {
            Pairs = pairs,
            People = people,
            CandidatePairs = candidates.Count,
            Unmatchable = prepared.Count(p => !p.HasName && p.Record.DateOfBirth is null && !p.HasIdentifier),
        };
    }

    /// <summary>Scores any two records, linked or not, for <c>singleview explain</c>.</summary>
    public ScoredPair Explain(PersonRecord left, PersonRecord right)
    {
        var a = new PreparedRecord(0, left);
        var b = new PreparedRecord(1, right);
        var explanation = scorer.Score(a, b);
        var (decision, safeguards) = rules.Decide(a, b, explanation);
        return new ScoredPair(left.Key, right.Key, decision, explanation with { SafeguardsApplied = safeguards }, "(explain)");
    }

    private ScoredPair LinkedByPersonPair(PreparedRecord left, PreparedRecord right)
    {
        var explanation = scorer.Score(left, right);
        return new ScoredPair(left.Key, right.Key, MatchDecision.Linked, explanation with { SafeguardsApplied = [LinkedByPerson] }, "(person's decision)")
        {
            DecidedByPerson = true,
        };
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
