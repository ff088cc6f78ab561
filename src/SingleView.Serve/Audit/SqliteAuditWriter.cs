using Microsoft.Data.Sqlite;
using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>
/// The access-log writer's own SQLite connection, kept open with its commands prepared: Microsoft.Data.Sqlite
/// prepares a statement again for every new command object, and a pooled connection's statements are finalised
/// when it is closed, so opening a connection and running Dapper per commit parsed the same four statements
/// every time. The statements are those of <see cref="AuditStore"/> (sql/0003_audit.sql), bound to the same
/// values, run on the access log's own file (<see cref="AccessLogFile"/>). One writer uses it at a time (the log's single write loop).
/// </summary>
internal sealed class SqliteAuditWriter(ServingDatabase database) : IAsyncDisposable
{
    private static readonly string[] EntryParameters =
    [
        "@Sequence", "@OccurredAt", "@UserSubject", "@UserName", "@Role", "@Action", "@GoldenId", "@RequestedId",
        "@SearchTerms", "@Purpose", "@ResultCount", "@PreviousHash", "@Hash",
    ];

    private SqliteConnection? connection;
    private SqliteCommand? head;
    private SqliteCommand? insertEntry;
    private SqliteCommand? updateHead;
    private SqliteCommand? insertHead;

    public async Task<SqliteTransaction> BeginAsync()
    {
        connection ??= (SqliteConnection)await database.OpenAsync();
        return (SqliteTransaction)await connection.BeginTransactionAsync();
    }

    public async Task<(long Sequence, string Hash)?> HeadAsync(SqliteTransaction transaction)
    {
        var command = Prepare(ref head, transaction, AuditStore.HeadSql, "@Chain");
        command.Parameters[0].Value = AuditStore.Chain;
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async Task AppendAsync(SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries)
    {
        var insert = Prepare(ref insertEntry, transaction, AuditStore.InsertEntrySql, EntryParameters);
        var values = insert.Parameters;
        foreach (var entry in entries)
        {
            values[0].Value = entry.Sequence;
            values[1].Value = entry.OccurredAt;
            values[2].Value = entry.UserSubject;
            values[3].Value = entry.UserName;
            values[4].Value = entry.Role;
            values[5].Value = entry.Action;
            values[6].Value = (object?)entry.GoldenId ?? DBNull.Value;
            values[7].Value = (object?)entry.RequestedId ?? DBNull.Value;
            values[8].Value = (object?)entry.SearchTerms ?? DBNull.Value;
            values[9].Value = (object?)entry.Purpose ?? DBNull.Value;
            values[10].Value = entry.ResultCount is { } count ? (long)count : DBNull.Value;
            values[11].Value = entry.PreviousHash;
            values[12].Value = entry.Hash;
            await insert.ExecuteNonQueryAsync();
        }

        var last = entries[^1];
        var update = Prepare(ref updateHead, transaction, AuditStore.UpdateHeadSql, "@Sequence", "@Hash", "@Chain");
        if (await ExecuteHeadAsync(update, last) == 0)
        {
            await ExecuteHeadAsync(Prepare(ref insertHead, transaction, AuditStore.InsertHeadSql, "@Sequence", "@Hash", "@Chain"), last);
        }
    }

    /// <summary>After a failure the connection is closed; the next commit opens a fresh one.</summary>
    public async Task ResetAsync()
    {
        foreach (var command in new[] { head, insertEntry, updateHead, insertHead })
        {
            if (command is not null) await command.DisposeAsync();
        }

        head = insertEntry = updateHead = insertHead = null;
        var kept = connection;
        connection = null;
        if (kept is not null) await kept.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(ResetAsync());

    private static Task<int> ExecuteHeadAsync(SqliteCommand command, AuditEntry last)
    {
        command.Parameters[0].Value = last.Sequence;
        command.Parameters[1].Value = last.Hash;
        command.Parameters[2].Value = AuditStore.Chain;
        return command.ExecuteNonQueryAsync();
    }

    private SqliteCommand Prepare(ref SqliteCommand? command, SqliteTransaction transaction, string text, params string[] parameterNames)
    {
        if (command is null)
        {
            command = connection!.CreateCommand();
            command.CommandText = text;
            foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Transaction = transaction;
        return command;
    }
}
