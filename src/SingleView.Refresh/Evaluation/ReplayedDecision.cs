using SingleView.Match;
using SingleView.Match.Scoring;

namespace SingleView.Refresh.Evaluation;

/// <summary>
/// A pair's decision as the nightly run made it: the pairwise decision replayed from the run's records,
/// then what the run did after scoring: a person's decision overrules the score, and the cluster guard
/// (which weighs all of a run's links at once and is not replayed) is read from the stored decision. A
/// pair that was no candidate was never scored: not linked, whatever its score (<see cref="ScoredDecision"/>).
/// </summary>
public sealed record ReplayedDecision(MatchDecision Decision, double MatchWeight, double MatchProbability, IReadOnlyList<string> Safeguards, StoredPair? Stored)
{
    /// <summary>What the score and safeguards alone decide, had the pair been compared.</summary>
    public MatchDecision ScoredDecision { get; init; }

    public const string KeptApartByPerson = "kept apart by a person (data quality decision)";

    public static ReplayedDecision Of(PairExplanation explained, StoredPair? stored)
    {
        ArgumentNullException.ThrowIfNull(explained);
        var explanation = explained.Pair.Explanation;
        var (decision, safeguards) = explained.PersonDecision switch
        {
            "same person" => (MatchDecision.Linked, (IReadOnlyList<string>)[MatchEngine.LinkedByPerson]),
            "different people" => (MatchDecision.NotLinked, [KeptApartByPerson]),
            // A pair no blocking rule brought together was never scored by the run, whatever it would score.
            _ when !explained.Candidate => (MatchDecision.NotLinked, (IReadOnlyList<string>)[]),
            _ => (explained.Pair.Decision, explanation.SafeguardsApplied),
        };
        if (decision == MatchDecision.Linked && explained.PersonDecision is null && stored is { Decision: "review" } && stored.Safeguards.Contains(MatchEngine.RefusedByClustering))
        {
            (decision, safeguards) = (MatchDecision.Review, [.. safeguards, MatchEngine.RefusedByClustering]);
        }

        return new ReplayedDecision(decision, explanation.MatchWeight, explanation.MatchProbability, safeguards, stored) { ScoredDecision = explained.Pair.Decision };
    }

    /// <summary>The decision as match_pair spells it; null for a pair the run neither linked nor queued (it stores none).</summary>
    public string? StoredSpelling => Decision switch
    {
        MatchDecision.Linked => "link",
        MatchDecision.Review => "review",
        _ => null,
    };

    /// <summary>Whether this is what the run stored: the same decision (or none stored for a pair not linked) and the same weight.</summary>
    public bool AgreesWithStored => Stored is null
        ? StoredSpelling is null
        : Stored.Decision == StoredSpelling && Math.Abs(Stored.MatchWeight - MatchWeight) < 1e-9;
}
