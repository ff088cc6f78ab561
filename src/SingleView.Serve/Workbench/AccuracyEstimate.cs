using Dapper;
using SingleView.Publish;

namespace SingleView.Serve.Workbench;

/// <summary>A proportion with its 95% Wilson score interval and the number of decisions it rests on.</summary>
internal sealed record Proportion(int Successes, int Trials, double? Estimate, double? Lower, double? Upper)
{
    private const double Z = 1.959963984540054;

    public static Proportion Wilson(int successes, int trials)
    {
        if (trials == 0) return new(0, 0, null, null, null);
        double n = trials;
        var p = successes / n;
        var denominator = 1 + (Z * Z / n);
        var centre = (p + (Z * Z / (2 * n))) / denominator;
        var margin = Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n))) / denominator;
        return new(successes, trials, p, Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }
}

/// <summary>
/// Precision and recall of the model as people's live decisions judge it, each against what the model said
/// of the pair when the decision was made (workbench_decision_context). Precision: of the decided pairs the
/// model linked, the share people called the same. Recall: of the pairs people called the same, the share
/// the model had linked. Decisions are not a random sample (they come from the review band and from reports),
/// so the intervals describe the decided pairs; the page says so.
/// </summary>
internal sealed class AccuracyEstimate(ServingDatabase database)
{
    public sealed record Result(Proportion Precision, Proportion Recall, int DecisionsUsed, int UnsureOrWithoutContext);

    public async Task<Result> EstimateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string LeftRecord, string RightRecord, string DecidedAt, string DecisionId, string Decision, string? ModelDecision)>(new CommandDefinition(
            """
            SELECT d.left_record, d.right_record, d.decided_at, d.decision_id, d.decision, c.model_decision
            FROM match_decision d LEFT JOIN workbench_decision_context c ON c.decision_id = d.decision_id
            WHERE d.withdrawn_at IS NULL
            """,
            cancellationToken: cancellationToken))).ToList();
        var live = rows
            .GroupBy(r => (r.LeftRecord, r.RightRecord))
            .Select(g => g.OrderBy(r => r.DecidedAt, StringComparer.Ordinal).ThenBy(r => r.DecisionId, StringComparer.Ordinal).Last())
            .ToList();
        var usable = live.Where(r => r.ModelDecision is not null && r.Decision is "same" or "different").ToList();
        var linked = usable.Where(r => r.ModelDecision == "link").ToList();
        var same = usable.Where(r => r.Decision == "same").ToList();
        return new Result(
            Proportion.Wilson(linked.Count(r => r.Decision == "same"), linked.Count),
            Proportion.Wilson(same.Count(r => r.ModelDecision == "link"), same.Count),
            usable.Count,
            live.Count - usable.Count);
    }
}
