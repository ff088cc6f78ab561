using System.Globalization;
using SingleView.Core.Model;
using SingleView.Match.Scoring;

namespace SingleView.Refresh.Evaluation;

/// <summary>A missed pair (one true person, two golden records) and why the run did not link it.</summary>
public sealed record MissedPair(SourceRecordKey Left, SourceRecordKey Right, string Cause, string Detail);

/// <summary>
/// Says for each missed pair where the recall went, without one <c>explain</c> per pair: a record never
/// published, a pair in review, kept apart by a person, never compared (no blocking rule), stopped by a
/// safeguard (which), or scored below the threshold (with its weight).
/// </summary>
public static class MissedPairCauses
{
    public const string Unpublished = "record unpublished";
    public const string InReview = "in review";
    public const string KeptApart = "kept apart by a person";
    public const string NeverCompared = "never compared";
    public const string Safeguard = "safeguard";
    public const string BelowThreshold = "below threshold";
    public const string NotInRun = "record not in the run's deliveries";
    public const string Other = "other";

    public static async Task<IReadOnlyList<MissedPair>> OfAsync(EvaluationReport report, PublishedRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        var causes = new List<MissedPair>();
        foreach (var (left, right) in report.MissedPairs) causes.Add(await CauseAsync(report, run, left, right, cancellationToken));
        return causes;
    }

    private static async Task<MissedPair> CauseAsync(EvaluationReport report, PublishedRun run, SourceRecordKey left, SourceRecordKey right, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        MissedPair Of(string cause, string detail) => new(left, right, cause, detail);
        var unpublished = new[] { left, right }.Where(report.Unpublished.ContainsKey).ToList();
        if (unpublished.Count > 0) return Of(Unpublished, string.Join("; ", unpublished.Select(k => $"{k} {report.Unpublished[k]}")));
        var missing = new[] { left, right }.Where(k => !run.Explainer.Contains(k)).ToList();
        if (missing.Count > 0) return Of(NotInRun, $"{string.Join(", ", missing)}: the lake's delivery in use has changed since the run?");

        var stored = await run.StoredAsync(left, right, cancellationToken);
        if (stored is { Decision: "review" })
        {
            return Of(InReview, stored.Safeguards.Count > 0
                ? string.Join("; ", stored.Safeguards)
                : string.Create(c, $"probability {stored.MatchProbability:0.######} between review and link (weight {stored.MatchWeight:+0.00;-0.00})"));
        }

        if (stored is not null) return Of(Other, $"stored as '{stored.Decision}', yet in two golden records");
        var explained = run.Explainer.Explain(left, right);
        if (explained.PersonDecision == "different people") return Of(KeptApart, "a person decided they are different people");
        if (!explained.Candidate)
        {
            return Of(NeverCompared, explained.OversizedBlocks.Count > 0
                ? "only in blocks too large to use: " + string.Join("; ", explained.OversizedBlocks)
                : "no blocking rule puts them together");
        }

        var pair = explained.Pair;
        var weight = string.Create(c, $"weight {pair.Explanation.MatchWeight:+0.00;-0.00}, probability {pair.Explanation.MatchProbability:0.######}");
        if (pair.Decision == MatchDecision.NotLinked)
        {
            return pair.Explanation.SafeguardsApplied.Count > 0
                ? Of(Safeguard, $"{string.Join("; ", pair.Explanation.SafeguardsApplied)} ({weight})")
                : Of(BelowThreshold, $"{weight}; compared under '{pair.BlockingRule}'");
        }

        return Of(Other, $"scores '{pair.Decision}' now ({weight}) but the run did not store it: configuration changed since the run?");
    }
}
