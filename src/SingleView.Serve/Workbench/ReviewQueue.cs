using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;

namespace SingleView.Serve.Workbench;

/// <summary>One review-band pair as the queue shows it.</summary>
internal sealed record ReviewItem(
    PairKeys Pair,
    double MatchWeight,
    double MatchProbability,
    bool InvolvesChild,
    bool HasOpenInvolvement,
    string? LiveDecisionId,
    string? LiveDecision);

/// <summary>
/// The possible duplicates: pairs the matcher put in the review band, most important first — children before
/// adults, people with a current involvement first, then the closest calls (match weight nearest 0, where
/// the evidence for and against balances). Pairs a person has decided stay listed with the decision.
/// </summary>
internal sealed class ReviewQueue(ServingDatabase database, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT m.feed_a AS FeedA, m.record_a AS RecordA, m.feed_b AS FeedB, m.record_b AS RecordB,
                   m.match_weight AS MatchWeight, m.match_probability AS MatchProbability,
                   pa.kind AS KindA, pb.kind AS KindB,
                   (SELECT COUNT(*) FROM involvement i WHERE i.golden_id IN (sa.golden_id, sb.golden_id) AND i.status = 'Current') AS OpenInvolvements
            FROM match_pair m
            LEFT JOIN source_record sa ON sa.feed = m.feed_a AND sa.record_id = m.record_a
            LEFT JOIN source_record sb ON sb.feed = m.feed_b AND sb.record_id = m.record_b
            LEFT JOIN person pa ON pa.golden_id = sa.golden_id
            LEFT JOIN person pb ON pb.golden_id = sb.golden_id
            WHERE m.decision = 'review'
            """,
            cancellationToken: cancellationToken));
        var live = (await new MatchDecisionStore(database, timeProvider).LiveDecisionsAsync(cancellationToken))
            .ToDictionary(d => PairKeys.Of(d.Left, d.Right));
        return rows
            .Select(r =>
            {
                var pair = PairKeys.Of(new SourceRecordKey(r.FeedA, r.RecordA), new SourceRecordKey(r.FeedB, r.RecordB));
                live.TryGetValue(pair, out var decision);
                return new ReviewItem(
                    pair, r.MatchWeight, r.MatchProbability, r.KindA == "Child" || r.KindB == "Child", r.OpenInvolvements > 0,
                    decision?.DecisionId, decision is null ? null : WorkbenchDecisions.Name(decision.Decision));
            })
            .OrderBy(i => i.InvolvesChild ? 0 : 1)
            .ThenBy(i => i.HasOpenInvolvement ? 0 : 1)
            .ThenBy(i => Math.Abs(i.MatchWeight))
            .ThenBy(i => i.Pair.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Row
    {
        public string FeedA { get; init; } = "";
        public string RecordA { get; init; } = "";
        public string FeedB { get; init; } = "";
        public string RecordB { get; init; } = "";
        public double MatchWeight { get; init; }
        public double MatchProbability { get; init; }
        public string? KindA { get; init; }
        public string? KindB { get; init; }
        public long OpenInvolvements { get; init; }
    }
}
