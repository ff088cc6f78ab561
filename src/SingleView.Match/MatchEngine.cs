using SingleView.Core.Model;
using SingleView.Match.Blocking;
using SingleView.Match.Clustering;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match;

/// <summary>
/// Links person records that are the same person, within and across feeds alike: block, compare,
/// score, decide, then cluster with the chaining guard.
/// </summary>
public sealed class MatchEngine(MatchModel model)
{
    private readonly PairScorer scorer = new(model);
    private readonly DecisionRules rules = new(model);

    public MatchResult Run(IReadOnlyList<PersonRecord> records, Action<string>? warn = null)
    {
        var prepared = records.Select((r, i) => new PreparedRecord(i, r)).ToList();
        var candidates = CandidatePairs.Generate(prepared, model.BlockingRules, warn);
        var scored = new ScoredPair?[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var candidate = candidates[i];
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

        var linkIndexes = kept.Select((k, i) => (k, i)).Where(x => x.k.Pair.Decision == MatchDecision.Linked).ToList();
        var links = linkIndexes.Select(x => (x.k.Left, x.k.Right, x.k.Pair.Explanation.MatchWeight)).ToList();
        var (clusterOf, refused) = new GuardedClusterer(model.Safeguards.ClusterMaxDateOfBirthSpreadDays).Cluster(prepared, links);
        foreach (var refusedLink in refused)
        {
            var index = linkIndexes[refusedLink].i;
            var pair = kept[index].Pair;
            kept[index] = kept[index] with
            {
                Pair = pair with
                {
                    Decision = MatchDecision.Review,
                    Explanation = pair.Explanation with
                    {
                        SafeguardsApplied = [.. pair.Explanation.SafeguardsApplied, "joining would put two different NHS numbers or distant dates of birth in one person"],
                    },
                },
            };
        }

        var people = prepared.GroupBy(p => clusterOf[p.Index])
            .Select(g => (IReadOnlyList<PersonRecord>)g.Select(p => p.Record).ToList())
            .ToList();
        return new MatchResult
        {
            Pairs = kept.Select(k => k.Pair).ToList(),
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
}
