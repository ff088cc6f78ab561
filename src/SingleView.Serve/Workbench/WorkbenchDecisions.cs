using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using SingleView.Publish;
using SingleView.Publish.Decisions;
using SingleView.Serve.Access;
using SingleView.Serve.Audit;

namespace SingleView.Serve.Workbench;

/// <summary>
/// Decisions and undos from the workbench, with optimistic concurrency: each names the pair's state it was
/// made against (its live decision id, or <see cref="PairKeys.NoDecision"/>). In one transaction the live
/// decision is compared with that state and the pair's revision in workbench_pair_state is moved on with a
/// compare-and-set, so of two officers deciding at once exactly one succeeds and the other is told who got
/// there first. The rows written are match_decision's own, read by <see cref="MatchDecisionStore"/> and
/// so by every later night as hard constraints. Each success is then recorded in the audit log.
/// </summary>
internal sealed class WorkbenchDecisions(ServingDatabase database, TimeProvider timeProvider, AuditLog audit)
{
    public const string DecisionAction = "match_decision";
    public const string UndoAction = "match_decision_withdrawn";

    public async Task<DecisionOutcome> DecideAsync(
        PairKeys pair, MatchDecisionKind kind, string? reason, string? expectedState, Viewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new DecisionOutcome.Invalid("Give a reason for the decision.");
        if (!Enum.IsDefined(kind)) return new DecisionOutcome.Invalid("Choose same person, not the same person or not sure.");
        if (string.IsNullOrWhiteSpace(expectedState)) return new DecisionOutcome.Invalid("The decision must name the state it was made against.");

        var decision = new RecordedMatchDecision(
            "MD" + Guid.NewGuid().ToString("N"), pair.Left, pair.Right, kind, reason.Trim(), viewer.Subject, viewer.Role.Key, timeProvider.GetUtcNow(), null, null);
        var outcome = await InTransactionAsync(pair, expectedState.Trim(), async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO match_decision (decision_id, left_record, right_record, decision, reason, decided_by, decided_role, decided_at)
                VALUES (@DecisionId, @Left, @Right, @Decision, @Reason, @DecidedBy, @DecidedRole, @DecidedAt)
                """,
                new
                {
                    decision.DecisionId,
                    Left = pair.Left.ToString(),
                    Right = pair.Right.ToString(),
                    Decision = Name(kind),
                    decision.Reason,
                    decision.DecidedBy,
                    decision.DecidedRole,
                    DecidedAt = Timestamp(decision.DecidedAt),
                },
                transaction,
                cancellationToken: cancellationToken));
            var model = await connection.QuerySingleOrDefaultAsync<ModelCall>(new CommandDefinition(
                """
                SELECT decision AS Decision, match_probability AS Probability FROM match_pair
                WHERE (feed_a = @LeftFeed AND record_a = @LeftId AND feed_b = @RightFeed AND record_b = @RightId)
                   OR (feed_a = @RightFeed AND record_a = @RightId AND feed_b = @LeftFeed AND record_b = @LeftId)
                """,
                new { LeftFeed = pair.Left.Feed, LeftId = pair.Left.RecordId, RightFeed = pair.Right.Feed, RightId = pair.Right.RecordId },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO workbench_decision_context (decision_id, model_decision, match_probability) VALUES (@DecisionId, @ModelDecision, @Probability)",
                new { decision.DecisionId, ModelDecision = model?.Decision ?? "none", model?.Probability },
                transaction,
                cancellationToken: cancellationToken));
            return decision.DecisionId;
        }, cancellationToken);

        if (outcome is DecisionOutcome.Done)
        {
            await audit.RecordAsync(new AuditDraft(
                viewer.Subject, viewer.Name, viewer.Role.Key, DecisionAction, null, pair.ToString(),
                JsonSerializer.Serialize(new { decision_id = decision.DecisionId, decision = Name(kind), reason = decision.Reason, expected = expectedState }),
                null, null));
            return new DecisionOutcome.Done(decision.DecisionId, decision);
        }

        return outcome;
    }

    /// <summary>Withdraws <paramref name="decisionId"/>, which must be the pair's live decision: undo names the state it undoes.</summary>
    public async Task<DecisionOutcome> UndoAsync(PairKeys pair, string? decisionId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(decisionId) || decisionId == PairKeys.NoDecision) return new DecisionOutcome.Invalid("Name the decision to undo.");
        string? nowLive = null;
        var outcome = await InTransactionAsync(pair, decisionId.Trim(), async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE match_decision SET withdrawn_by = @WithdrawnBy, withdrawn_at = @WithdrawnAt WHERE decision_id = @DecisionId AND withdrawn_at IS NULL",
                new { DecisionId = decisionId.Trim(), WithdrawnBy = viewer.Subject, WithdrawnAt = Timestamp(timeProvider.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            nowLive = await LiveDecisionIdAsync(connection, transaction, pair, cancellationToken);
            return nowLive;
        }, cancellationToken);
        if (outcome is not DecisionOutcome.Done) return outcome;
        await audit.RecordAsync(new AuditDraft(
            viewer.Subject, viewer.Name, viewer.Role.Key, UndoAction, null, pair.ToString(),
            JsonSerializer.Serialize(new { decision_id = decisionId.Trim(), live_now = nowLive ?? PairKeys.NoDecision }), null, null));
        return new DecisionOutcome.Done(nowLive, null);
    }

    /// <summary>The pair's live decision id, or <see cref="PairKeys.NoDecision"/>.</summary>
    public async Task<string> StateAsync(PairKeys pair, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LiveDecisionIdAsync(connection, null, pair, cancellationToken) ?? PairKeys.NoDecision;
    }

    private async Task<DecisionOutcome> InTransactionAsync(
        PairKeys pair, string expectedState, Func<DbConnection, DbTransaction, Task<string?>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // SQLite: BEGIN IMMEDIATE (the default of Microsoft.Data.Sqlite) takes the write lock at once, so
        // the read below is current. PostgreSQL: the compare-and-set below blocks on the other writer's
        // row or key and then finds it changed.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var left = pair.Left.ToString();
        var right = pair.Right.ToString();
        var revision = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT revision FROM workbench_pair_state WHERE left_record = @Left AND right_record = @Right",
            new { Left = left, Right = right },
            transaction,
            cancellationToken: cancellationToken));
        var live = await LiveDecisionIdAsync(connection, transaction, pair, cancellationToken) ?? PairKeys.NoDecision;
        if (!string.Equals(live, expectedState, StringComparison.Ordinal))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Conflicted(live);
        }

        try
        {
            var moved = revision is { } seen
                ? await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE workbench_pair_state SET revision = @Next WHERE left_record = @Left AND right_record = @Right AND revision = @Seen",
                    new { Left = left, Right = right, Seen = seen, Next = seen + 1 },
                    transaction,
                    cancellationToken: cancellationToken))
                : await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO workbench_pair_state (left_record, right_record, revision) VALUES (@Left, @Right, 1)",
                    new { Left = left, Right = right },
                    transaction,
                    cancellationToken: cancellationToken));
            if (moved != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Conflicted(await StateAsync(pair, cancellationToken));
            }
        }
        catch (DbException)
        {
            // The other officer inserted the pair's first revision first (primary key).
            await transaction.RollbackAsync(cancellationToken);
            return Conflicted(await StateAsync(pair, cancellationToken));
        }

        var now = await change(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return new DecisionOutcome.Done(now, null);
    }

    private static DecisionOutcome.Conflict Conflicted(string live) => new(
        live == PairKeys.NoDecision
            ? "Someone else changed this pair while you were looking at it (their decision has since been undone). Nothing was recorded: look again and decide."
            : $"Someone else decided this pair while you were looking at it (decision {live}). Nothing was recorded: look at their decision and, if you disagree, decide again.",
        live == PairKeys.NoDecision ? null : live);

    private static async Task<string?> LiveDecisionIdAsync(DbConnection connection, DbTransaction? transaction, PairKeys pair, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            """
            SELECT decision_id FROM match_decision
            WHERE left_record = @Left AND right_record = @Right AND withdrawn_at IS NULL
            ORDER BY decided_at DESC, decision_id DESC
            LIMIT 1
            """,
            new { Left = pair.Left.ToString(), Right = pair.Right.ToString() },
            transaction,
            cancellationToken: cancellationToken));

    internal static string Name(MatchDecisionKind kind) => kind switch
    {
        MatchDecisionKind.Same => "same",
        MatchDecisionKind.Different => "different",
        _ => "unsure",
    };

    internal static bool TryParseKind(string? text, out MatchDecisionKind kind)
    {
        kind = text?.Trim().ToLowerInvariant() switch
        {
            "same" => MatchDecisionKind.Same,
            "different" => MatchDecisionKind.Different,
            "unsure" => MatchDecisionKind.Unsure,
            _ => (MatchDecisionKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed record ModelCall
    {
        public string Decision { get; init; } = "none";
        public double? Probability { get; init; }
    }
}
