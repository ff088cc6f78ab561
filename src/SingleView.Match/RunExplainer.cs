using SingleView.Core.Model;
using SingleView.Match.Blocking;
using SingleView.Match.Constraints;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match;

/// <summary>
/// Why a pair of one run's records was or was not linked, as that run decided it: the pairwise
/// decision and waterfall, the blocking rules that made it a candidate (the first is the one the run
/// scored it under), the rules whose shared block was too large to use, and a person's decision.
/// </summary>
public sealed record PairExplanation(ScoredPair Pair, IReadOnlyList<string> CandidateRules, IReadOnlyList<string> OversizedBlocks)
{
    /// <summary>A candidate: some blocking rule put the two records in one usable block.</summary>
    public bool Candidate => CandidateRules.Count > 0;

    /// <summary>"same person" or "different people" when a person decided the pair; the score then does not decide it.</summary>
    public string? PersonDecision { get; init; }
}

/// <summary>
/// Explains pairs of one run's records: the records are prepared together, as the run prepared them
/// (same value frequencies, same blocking keys and block sizes), so the weights and the pairwise
/// decision are the run's exactly. Only the cluster guard, which weighs every link of the run at once,
/// is not replayed: its refusals are in the stored decision.
/// </summary>
public sealed class RunExplainer
{
    private readonly MatchEngine engine;
    private readonly PreparedRecord[] prepared;
    private readonly Dictionary<SourceRecordKey, int> indexOf = [];
    private readonly long[][] keys;
    private readonly Dictionary<long, int>[] blockSizes;
    private readonly HashSet<(SourceRecordKey, SourceRecordKey)> mustLink;
    private readonly HashSet<(SourceRecordKey, SourceRecordKey)> cannotLink;

    public RunExplainer(MatchModel model, IReadOnlyList<PersonRecord> records, MatchConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        engine = new MatchEngine(model);
        prepared = MatchEngine.Prepare(records);
        for (var i = 0; i < records.Count; i++) indexOf.TryAdd(records[i].Key, i);
        var rules = model.BlockingRules;
        keys = new long[rules.Length][];
        blockSizes = new Dictionary<long, int>[rules.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            keys[r] = BlockingKeys.Of(prepared, rules[r]);
            var sizes = new Dictionary<long, int>();
            foreach (var key in keys[r])
            {
                if (key != 0) sizes[key] = sizes.GetValueOrDefault(key) + 1;
            }

            blockSizes[r] = sizes;
        }

        constraints ??= MatchConstraints.None;
        mustLink = constraints.MustLink.Select(Ordered).ToHashSet();
        cannotLink = constraints.CannotLink.Select(Ordered).ToHashSet();
    }

    public MatchModel Model => engine.Model;

    public int Records => prepared.Length;

    public bool Contains(SourceRecordKey key) => indexOf.ContainsKey(key);

    /// <summary>The pair in the run's order (the record read first is left), scored and decided as the run did.</summary>
    public PairExplanation Explain(SourceRecordKey first, SourceRecordKey second)
    {
        if (!indexOf.TryGetValue(first, out var a)) throw new ArgumentException($"{first} is not a record of this run", nameof(first));
        if (!indexOf.TryGetValue(second, out var b)) throw new ArgumentException($"{second} is not a record of this run", nameof(second));
        if (a > b) (a, b) = (b, a);
        var rules = engine.Model.BlockingRules;
        var candidateRules = new List<string>();
        var oversized = new List<string>();
        for (var r = 0; r < rules.Length; r++)
        {
            var key = keys[r][a];
            if (key == 0 || key != keys[r][b]) continue;
            var size = blockSizes[r][key];
            if (size > CandidatePairs.MaximumBlockSize) oversized.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rules[r].Name} ({size} records share the key: skipped)"));
            else candidateRules.Add(rules[r].Name);
        }

        var pair = engine.Explain(prepared[a], prepared[b], candidateRules.Count > 0 ? candidateRules[0] : "(not a candidate)");
        var ordered = Ordered((prepared[a].Key, prepared[b].Key));
        var person = mustLink.Contains(ordered) ? "same person" : cannotLink.Contains(ordered) ? "different people" : null;
        return new PairExplanation(pair, candidateRules, oversized) { PersonDecision = person };
    }

    private static (SourceRecordKey, SourceRecordKey) Ordered((SourceRecordKey Left, SourceRecordKey Right) pair) =>
        pair.Left.CompareTo(pair.Right) <= 0 ? (pair.Left, pair.Right) : (pair.Right, pair.Left);
}
