using Dapper;
using Microsoft.Data.Sqlite;

namespace SingleView.Serve.Audit;

/// <summary>
/// Moves the access log out of a serving file made before the log had a file of its own. Two steps, each one
/// transaction: the entries (byte for byte: same sequence numbers, times and hashes) and the chain's head are
/// copied into the log's file, then deleted from the serving file. SQLite commits each attached file on its
/// own, so the copy is committed before anything is deleted: a crash between the steps leaves the entries in
/// both files, and the next run copies none of them again (an entry already in the log file is skipped) and
/// deletes them. Nothing is lost and nothing is written twice.
/// </summary>
internal static class AccessLogMove
{
    private const string Columns =
        "sequence, occurred_at, user_subject, user_name, role, action, golden_id, requested_id, search_terms, purpose, result_count, previous_hash, hash";

    /// <summary>Returns how many entries were copied now (0 when there was nothing left to move).</summary>
    public static async Task<long> MoveAsync(SqliteConnection log, string servingPath, CancellationToken cancellationToken)
    {
        // ATTACH would create a missing file; a serving file that is not there has no log to move.
        if (!File.Exists(servingPath)) return 0;
        await log.ExecuteAsync(new CommandDefinition("ATTACH DATABASE @Path AS serving", new { Path = servingPath }, cancellationToken: cancellationToken));
        try
        {
            if (!await HasOldLogAsync(log, cancellationToken)) return 0;
            var copied = await CopyAsync(log, cancellationToken);
            if (await DeleteCopiedAsync(log, cancellationToken) > 0) await TruncateServingWalAsync(log, cancellationToken);
            return copied;
        }
        finally
        {
            // The connection goes back to the pool: it must not keep the serving file attached.
            await log.ExecuteAsync("DETACH DATABASE serving");
        }
    }

    private static async Task<bool> HasOldLogAsync(SqliteConnection log, CancellationToken cancellationToken)
    {
        var tables = await log.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM serving.sqlite_master WHERE type = 'table' AND name IN ('audit_entry', 'audit_head')", cancellationToken: cancellationToken));
        if (tables < 2) return false;
        return await log.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM serving.audit_entry LIMIT 1)) + (SELECT COUNT(*) FROM serving.audit_head)",
            cancellationToken: cancellationToken)) > 0;
    }

    private static async Task<long> CopyAsync(SqliteConnection log, CancellationToken cancellationToken)
    {
        // Deferred: the copy reads the serving file and writes only the log's, so a publication holding the
        // serving file's write lock does not stop it.
        await using var transaction = log.BeginTransaction(deferred: true);
        var conflicting = await log.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM serving.audit_entry s JOIN main.audit_entry m ON m.sequence = s.sequence
            WHERE m.hash <> s.hash OR m.previous_hash <> s.previous_hash
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        if (conflicting > 0)
        {
            // Two different entries under one sequence number: moving either way would lose one. An operator decides.
            throw new InvalidOperationException(
                $"the serving database holds {conflicting} access-log entries whose sequence numbers the access log file already uses for other entries; nothing was moved");
        }

        var copied = await log.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO main.audit_entry ({Columns})
            SELECT {Columns} FROM serving.audit_entry s
            WHERE NOT EXISTS (SELECT 1 FROM main.audit_entry m WHERE m.sequence = s.sequence)
            ORDER BY s.sequence
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        // The head the old file kept goes with its entries; a log file that already has a head (the move was
        // interrupted after this step and the log went on) keeps its own.
        await log.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO main.audit_head (chain, last_sequence, last_hash)
            SELECT chain, last_sequence, last_hash FROM serving.audit_head s
            WHERE NOT EXISTS (SELECT 1 FROM main.audit_head m WHERE m.chain = s.chain)
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>Returns how many entries were deleted from the serving file.</summary>
    private static async Task<int> DeleteCopiedAsync(SqliteConnection log, CancellationToken cancellationToken)
    {
        await using var transaction = log.BeginTransaction(deferred: true);
        // Only what the log file holds identically (a concurrent old writer's later entries would stay for the next run).
        var deleted = await log.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM serving.audit_entry
            WHERE EXISTS (SELECT 1 FROM main.audit_entry m WHERE m.sequence = serving.audit_entry.sequence AND m.hash = serving.audit_entry.hash)
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        await log.ExecuteAsync(new CommandDefinition(
            "DELETE FROM serving.audit_head WHERE EXISTS (SELECT 1 FROM main.audit_head m WHERE m.chain = serving.audit_head.chain)",
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Deleting a large old log writes every page it freed into the serving file's write-ahead log (hundreds of MB for
    /// a log of a million entries), which SQLite would otherwise keep at that size until the last connection closes.
    /// A TRUNCATE checkpoint copies those pages into the file and empties the WAL. It is an ordinary checkpoint, safe
    /// with readers open: one still reading an older snapshot makes it report busy instead, and the WAL then stays
    /// as it was until a later checkpoint, which is no worse than before. It must not wait for that reader: a
    /// TRUNCATE checkpoint calls the busy handler, which Microsoft.Data.Sqlite sets to the command timeout (30 s),
    /// so the handler is off for the checkpoint and put back for the pooled connection's next user.
    /// </summary>
    private static async Task TruncateServingWalAsync(SqliteConnection log, CancellationToken cancellationToken)
    {
        var busyTimeout = await log.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA busy_timeout", cancellationToken: cancellationToken));
        SQLitePCL.raw.sqlite3_busy_timeout(log.Handle, 0);
        try
        {
            await log.ExecuteAsync(new CommandDefinition("PRAGMA serving.wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        }
        finally
        {
            SQLitePCL.raw.sqlite3_busy_timeout(log.Handle, busyTimeout);
        }
    }
}
