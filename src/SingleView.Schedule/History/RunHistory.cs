using System.Globalization;
using Dapper;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.History;

/// <summary>
/// The run history in the serving database: written by the refresh job as a run starts and ends, read
/// by the admin page, <c>singleview runs</c> and the view's stale banner.
/// </summary>
public sealed class RunHistory(ServingDatabase database, TimeProvider timeProvider)
{
    /// <summary>Records a run as started (outcome running) and returns its ID.</summary>
    public async Task<string> StartAsync(string triggerKind, int attempt, string host, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var runId = $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO schedule_run (run_id, trigger_kind, attempt, host, started_at, outcome)
            VALUES (@RunId, @TriggerKind, @Attempt, @Host, @StartedAt, @Outcome)
            """,
            new { RunId = runId, TriggerKind = triggerKind, Attempt = attempt, Host = host, StartedAt = Timestamps.Text(now), Outcome = Text(RunOutcome.Running) });
        return runId;
    }

    /// <summary>
    /// Marks as interrupted every run still recorded as running. Only a holder of the refresh lock may ask:
    /// while it holds the lock no other run is alive, so a run still "running" is one whose process died
    /// before it could record its end (the lock died with it). Returns how many.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(RefreshLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE schedule_run SET outcome = @Interrupted, error = @Error WHERE outcome = @Running",
            new
            {
                Interrupted = Text(RunOutcome.Interrupted),
                Running = Text(RunOutcome.Running),
                Error = $"the refresh process ended before the run finished (killed or crashed); found by the next run ({lease.Holder}) at {Timestamps.Text(timeProvider.GetUtcNow())}",
            });
    }

    /// <summary>Records the report of a run that published: its stages, feeds and counts.</summary>
    public async Task SucceededAsync(string runId, RefreshReport report, int newEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await FinishAsync(connection, transaction, runId, RunOutcome.Succeeded, null);
        await connection.ExecuteAsync(
            """
            UPDATE schedule_run SET refresh_run_id = @RefreshRunId, publication_id = @PublicationId, source_records = @SourceRecords,
                linked_pairs = @LinkedPairs, review_pairs = @ReviewPairs, golden_records = @GoldenRecords, new_events = @NewEvents
            WHERE run_id = @RunId
            """,
            new { RunId = runId, RefreshRunId = report.RunId, report.PublicationId, report.SourceRecords, report.LinkedPairs, report.ReviewPairs, report.GoldenRecords, NewEvents = newEvents },
            transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schedule_run_stage (run_id, sequence, stage, duration_ms) VALUES (@RunId, @Sequence, @Stage, @DurationMs)",
            report.Stages.Select((s, i) => new { RunId = runId, Sequence = i + 1, s.Stage, DurationMs = (long)s.Duration.TotalMilliseconds }),
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO schedule_run_feed (run_id, feed, state, rows_in, rows_out, quarantined, linked, in_review, message)
            VALUES (@RunId, @Feed, @State, @RowsIn, @RowsOut, @Quarantined, @Linked, @InReview, @Message)
            """,
            FeedRows(runId, report),
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a failed run with what went wrong; nothing was published, so the previous view stays.</summary>
    public async Task FailedAsync(string runId, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await FinishAsync(connection, transaction, runId, RunOutcome.Failed, error);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The latest runs, newest first, with their stages and feeds.</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"{RunRow.Select} ORDER BY started_at DESC, run_id DESC LIMIT @Limit", new { Limit = limit }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.RunId).ToArray();
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition(
            $"SELECT run_id AS RunId, stage AS Stage, duration_ms AS DurationMs FROM schedule_run_stage WHERE {InList(database, "run_id")} ORDER BY run_id, sequence",
            new { Ids = ids },
            cancellationToken: cancellationToken)))
            .ToLookup(s => s.RunId, s => new RunStage(s.Stage, TimeSpan.FromMilliseconds(s.DurationMs)));
        var feeds = (await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"""
            SELECT run_id AS RunId, feed AS Feed, state AS State, rows_in AS RowsIn, rows_out AS RowsOut, quarantined AS Quarantined,
                   linked AS Linked, in_review AS InReview, message AS Message
            FROM schedule_run_feed WHERE {InList(database, "run_id")} ORDER BY run_id, feed
            """,
            new { Ids = ids },
            cancellationToken: cancellationToken)))
            .ToLookup(f => f.RunId, f => new RunFeed(f.Feed, f.State, (int)f.RowsIn, (int)f.RowsOut, (int)f.Quarantined, (int)f.Linked, (int)f.InReview, f.Message));
        return rows.Select(r => r.ToRecord(stages[r.RunId].ToList(), feeds[r.RunId].ToList())).ToList();
    }

    /// <summary>The latest finished run, the last success, and whether the view is stale.</summary>
    public async Task<RefreshStatus> StatusAsync(TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var latest = await connection.QueryFirstOrDefaultAsync<RunRow>(new CommandDefinition(
            $"{RunRow.Select} WHERE outcome <> @Running ORDER BY started_at DESC, run_id DESC LIMIT 1", new { Running = Text(RunOutcome.Running) }, cancellationToken: cancellationToken));
        var succeeded = await connection.QueryFirstOrDefaultAsync<RunRow>(new CommandDefinition(
            $"{RunRow.Select} WHERE outcome = @Succeeded ORDER BY started_at DESC, run_id DESC LIMIT 1", new { Succeeded = Text(RunOutcome.Succeeded) }, cancellationToken: cancellationToken));
        var latestRecord = latest?.ToRecord([], []);
        var succeededRecord = succeeded?.ToRecord([], []);
        var now = timeProvider.GetUtcNow();
        string? reason = null;
        if (latestRecord?.Outcome == RunOutcome.Failed)
        {
            reason = $"The latest refresh failed at {latestRecord.FinishedAt:yyyy-MM-dd HH:mm} UTC; the view shows the previous refresh.";
        }
        else if (latestRecord?.Outcome == RunOutcome.Interrupted)
        {
            reason = $"The latest refresh, started at {latestRecord.StartedAt:yyyy-MM-dd HH:mm} UTC, was interrupted; the view shows the latest publication that completed.";
        }
        else if (succeededRecord is not null && now - (succeededRecord.FinishedAt ?? succeededRecord.StartedAt) > staleAfter)
        {
            reason = $"The last successful refresh finished at {succeededRecord.FinishedAt:yyyy-MM-dd HH:mm} UTC, more than {staleAfter.TotalHours:0} hours ago.";
        }

        return new RefreshStatus(latestRecord, succeededRecord, reason is not null, reason);
    }

    /// <summary>Deletes runs that started before the cut-off; returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutOff, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { CutOff = Timestamps.Text(cutOff) };
        await connection.ExecuteAsync("DELETE FROM schedule_run_stage WHERE run_id IN (SELECT run_id FROM schedule_run WHERE started_at < @CutOff)", parameters, transaction);
        await connection.ExecuteAsync("DELETE FROM schedule_run_feed WHERE run_id IN (SELECT run_id FROM schedule_run WHERE started_at < @CutOff)", parameters, transaction);
        var deleted = await connection.ExecuteAsync("DELETE FROM schedule_run WHERE started_at < @CutOff", parameters, transaction);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>The report's per-feed counts; a feed's coverage message goes with them.</summary>
    private static IEnumerable<object> FeedRows(string runId, RefreshReport report)
    {
        var messages = report.Feeds.ToDictionary(f => f.Feed, f => f.Message, StringComparer.Ordinal);
        if (report.FeedRuns.Count > 0)
        {
            return report.FeedRuns.Select(f => new
            {
                RunId = runId, f.Feed, State = f.State.ToString(), f.RowsIn, f.RowsOut, f.Quarantined, f.Linked, f.InReview,
                Message = messages.GetValueOrDefault(f.Feed),
            });
        }

        // A report without per-feed runs: coverage rows are the standardised records.
        return report.Feeds.Select(f => new
        {
            RunId = runId, f.Feed, State = f.State.ToString(), RowsIn = f.Rows + f.Quarantined, RowsOut = f.Rows, f.Quarantined, Linked = 0, InReview = 0, f.Message,
        });
    }

    internal static string Text(RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>A list parameter: "= ANY(@Ids)" for Npgsql, "IN @Ids" (Dapper expands it) for SQLite.</summary>
    internal static string InList(ServingDatabase database, string column) =>
        database.Provider == DatabaseProvider.PostgreSql ? $"{column} = ANY(@Ids)" : $"{column} IN @Ids";

    private async Task<DateTimeOffset> FinishAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string runId, RunOutcome outcome, string? error)
    {
        var finished = timeProvider.GetUtcNow();
        var started = await connection.ExecuteScalarAsync<string>("SELECT started_at FROM schedule_run WHERE run_id = @RunId", new { RunId = runId }, transaction)
            ?? throw new InvalidOperationException($"run {runId} was never started");
        var duration = finished - Timestamps.Parse(started);
        await connection.ExecuteAsync(
            "UPDATE schedule_run SET finished_at = @FinishedAt, duration_ms = @DurationMs, outcome = @Outcome, error = @Error WHERE run_id = @RunId",
            new { RunId = runId, FinishedAt = Timestamps.Text(finished), DurationMs = (long)Math.Max(0, duration.TotalMilliseconds), Outcome = Text(outcome), Error = error },
            transaction);
        return finished;
    }

    private sealed record StageRow
    {
        public string RunId { get; init; } = "";
        public string Stage { get; init; } = "";
        public long DurationMs { get; init; }
    }

    private sealed record FeedRow
    {
        public string RunId { get; init; } = "";
        public string Feed { get; init; } = "";
        public string State { get; init; } = "";
        public long RowsIn { get; init; }
        public long RowsOut { get; init; }
        public long Quarantined { get; init; }
        public long Linked { get; init; }
        public long InReview { get; init; }
        public string? Message { get; init; }
    }

    private sealed record RunRow
    {
        public const string Select = """
            SELECT run_id AS RunId, trigger_kind AS TriggerKind, attempt AS Attempt, host AS Host, started_at AS StartedAt,
                   finished_at AS FinishedAt, duration_ms AS DurationMs, outcome AS Outcome, refresh_run_id AS RefreshRunId,
                   publication_id AS PublicationId, source_records AS SourceRecords, linked_pairs AS LinkedPairs,
                   review_pairs AS ReviewPairs, golden_records AS GoldenRecords, new_events AS NewEvents, error AS Error
            FROM schedule_run
            """;

        public string RunId { get; init; } = "";
        public string TriggerKind { get; init; } = "";
        public long Attempt { get; init; }
        public string Host { get; init; } = "";
        public string StartedAt { get; init; } = "";
        public string? FinishedAt { get; init; }
        public long? DurationMs { get; init; }
        public string Outcome { get; init; } = "";
        public string? RefreshRunId { get; init; }
        public long? PublicationId { get; init; }
        public int? SourceRecords { get; init; }
        public int? LinkedPairs { get; init; }
        public int? ReviewPairs { get; init; }
        public int? GoldenRecords { get; init; }
        public int? NewEvents { get; init; }
        public string? Error { get; init; }

        public RunRecord ToRecord(IReadOnlyList<RunStage> stages, IReadOnlyList<RunFeed> feeds) => new()
        {
            RunId = RunId,
            TriggerKind = TriggerKind,
            Attempt = (int)Attempt,
            Host = Host,
            StartedAt = Timestamps.Parse(StartedAt),
            FinishedAt = Timestamps.ParseOptional(FinishedAt),
            Duration = DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Outcome = Enum.Parse<RunOutcome>(Outcome, ignoreCase: true),
            RefreshRunId = RefreshRunId,
            PublicationId = PublicationId,
            SourceRecords = SourceRecords,
            LinkedPairs = LinkedPairs,
            ReviewPairs = ReviewPairs,
            GoldenRecords = GoldenRecords,
            NewEvents = NewEvents,
            Error = Error,
            Stages = stages,
            Feeds = feeds,
        };
    }
}
