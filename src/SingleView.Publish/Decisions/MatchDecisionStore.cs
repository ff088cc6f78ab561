using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Match.Constraints;

namespace SingleView.Publish.Decisions;

/// <summary>
/// People's decisions about pairs of source records (table match_decision), kept for ever and never
/// edited: a new decision supersedes an older one, and a decision can be withdrawn. The live decision of
/// a pair is its latest decision not withdrawn; live 'same' and 'different' decisions are the hard
/// constraints of every later matching run (<see cref="LoadConstraintsAsync"/>). The data quality
/// workbench records and withdraws decisions here.
/// </summary>
public sealed class MatchDecisionStore(ServingDatabase database, TimeProvider timeProvider)
{
    /// <summary>
    /// Records a decision about <paramref name="first"/> and <paramref name="second"/> (in either order) and
    /// returns it. Throws <see cref="ArgumentException"/> when the records are the same or a text is empty.
    /// </summary>
    public async Task<RecordedMatchDecision> RecordAsync(
        SourceRecordKey first,
        SourceRecordKey second,
        MatchDecisionKind decision,
        string reason,
        string decidedBy,
        string decidedRole,
        CancellationToken cancellationToken = default)
    {
        var (left, right) = Ordered(first, second);
        if (left == right) throw new ArgumentException($"A decision needs two different records (both were {left}).", nameof(second));
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedRole);
        if (!Enum.IsDefined(decision)) throw new ArgumentException($"Unknown decision {decision}.", nameof(decision));

        var recorded = new RecordedMatchDecision(
            "MD" + Guid.NewGuid().ToString("N"), left, right, decision, reason.Trim(), decidedBy, decidedRole, timeProvider.GetUtcNow(), null, null);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO match_decision (decision_id, left_record, right_record, decision, reason, decided_by, decided_role, decided_at)
            VALUES (@DecisionId, @Left, @Right, @Decision, @Reason, @DecidedBy, @DecidedRole, @DecidedAt)
            """,
            new DecisionRow(
                recorded.DecisionId,
                left.ToString(),
                right.ToString(),
                Name(decision),
                recorded.Reason,
                decidedBy,
                decidedRole,
                Timestamp(recorded.DecidedAt)),
            cancellationToken: cancellationToken));
        return recorded;
    }

    /// <summary>Withdraws a decision; false when there is no such decision or it was already withdrawn.</summary>
    public async Task<bool> WithdrawAsync(string decisionId, string withdrawnBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decisionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawnBy);
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE match_decision SET withdrawn_by = @WithdrawnBy, withdrawn_at = @WithdrawnAt WHERE decision_id = @DecisionId AND withdrawn_at IS NULL",
            new { DecisionId = decisionId, WithdrawnBy = withdrawnBy, WithdrawnAt = Timestamp(timeProvider.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>Every decision about one pair (either order), oldest first, withdrawn ones included.</summary>
    public async Task<IReadOnlyList<RecordedMatchDecision>> HistoryAsync(SourceRecordKey first, SourceRecordKey second, CancellationToken cancellationToken = default)
    {
        var (left, right) = Ordered(first, second);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE left_record = @Left AND right_record = @Right",
            new { Left = left.ToString(), Right = right.ToString() },
            cancellationToken: cancellationToken));
        return Sorted(rows.Select(ToDecision));
    }

    /// <summary>The live decision of every pair that has one: its latest decision not withdrawn.</summary>
    public async Task<IReadOnlyList<RecordedMatchDecision>> LiveDecisionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " WHERE withdrawn_at IS NULL", cancellationToken: cancellationToken));
        return Sorted(rows.Select(ToDecision))
            .GroupBy(d => (d.Left, d.Right))
            .Select(g => g.Last())
            .ToList();
    }

    /// <summary>The live 'same' decisions as must-link pairs and 'different' ones as cannot-link pairs.</summary>
    public async Task<MatchConstraints> LoadConstraintsAsync(CancellationToken cancellationToken = default)
    {
        var live = await LiveDecisionsAsync(cancellationToken);
        return new MatchConstraints
        {
            MustLink = live.Where(d => d.Decision == MatchDecisionKind.Same).Select(d => (d.Left, d.Right)).ToList(),
            CannotLink = live.Where(d => d.Decision == MatchDecisionKind.Different).Select(d => (d.Left, d.Right)).ToList(),
        };
    }

    private const string Select =
        """
        SELECT decision_id AS DecisionId, left_record AS LeftRecord, right_record AS RightRecord, decision AS Decision, reason AS Reason,
               decided_by AS DecidedBy, decided_role AS DecidedRole, decided_at AS DecidedAt, withdrawn_by AS WithdrawnBy, withdrawn_at AS WithdrawnAt
        FROM match_decision
        """;

    /// <summary>Pairs are stored with the ordinally smaller "feed:record_id" on the left.</summary>
    private static (SourceRecordKey Left, SourceRecordKey Right) Ordered(SourceRecordKey a, SourceRecordKey b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? (a, b) : (b, a);

    private static List<RecordedMatchDecision> Sorted(IEnumerable<RecordedMatchDecision> decisions) =>
        decisions.OrderBy(d => d.DecidedAt).ThenBy(d => d.DecisionId, StringComparer.Ordinal).ToList();

    private static string Name(MatchDecisionKind decision) => decision switch
    {
        MatchDecisionKind.Same => "same",
        MatchDecisionKind.Different => "different",
        _ => "unsure",
    };

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static RecordedMatchDecision ToDecision(Row row) => new(
        row.DecisionId,
        Key(row.LeftRecord),
        Key(row.RightRecord),
        row.Decision switch
        {
            "same" => MatchDecisionKind.Same,
            "different" => MatchDecisionKind.Different,
            _ => MatchDecisionKind.Unsure,
        },
        row.Reason,
        row.DecidedBy,
        row.DecidedRole,
        DateTimeOffset.Parse(row.DecidedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        row.WithdrawnBy,
        row.WithdrawnAt is null ? null : DateTimeOffset.Parse(row.WithdrawnAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    private static SourceRecordKey Key(string text) =>
        SourceRecordKey.TryParse(text, out var key) ? key : throw new InvalidOperationException($"match_decision holds a malformed record key '{text}'.");

    private sealed record DecisionRow(string DecisionId, string Left, string Right, string Decision, string Reason, string DecidedBy, string DecidedRole, string DecidedAt);

    private sealed record Row
    {
        public string DecisionId { get; init; } = "";
        public string LeftRecord { get; init; } = "";
        public string RightRecord { get; init; } = "";
        public string Decision { get; init; } = "";
        public string Reason { get; init; } = "";
        public string DecidedBy { get; init; } = "";
        public string DecidedRole { get; init; } = "";
        public string DecidedAt { get; init; } = "";
        public string? WithdrawnBy { get; init; }
        public string? WithdrawnAt { get; init; }
    }
}
