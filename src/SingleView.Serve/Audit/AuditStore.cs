using System.Data.Common;
using Dapper;
using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>
/// Reads and appends the access log (sql/0003_audit.sql; on SQLite in its own file, sql/0010_access_log_file.sql and
/// <see cref="AccessLogFile"/>). The readers take the serving database and find the log from it. Every value travels
/// as a Dapper parameter.
/// </summary>
internal static class AuditStore
{
    public const string Chain = "main";

    private const string EntryColumns = """
        sequence AS Sequence, occurred_at AS OccurredAt, user_subject AS UserSubject, user_name AS UserName, role AS Role,
        action AS Action, golden_id AS GoldenId, requested_id AS RequestedId, search_terms AS SearchTerms, purpose AS Purpose,
        result_count AS ResultCount, previous_hash AS PreviousHash, hash AS Hash
        """;

    internal const string HeadSql = "SELECT last_sequence AS LastSequence, last_hash AS LastHash FROM audit_head WHERE chain = @Chain";

    internal const string InsertEntrySql = """
        INSERT INTO audit_entry (sequence, occurred_at, user_subject, user_name, role, action, golden_id, requested_id,
            search_terms, purpose, result_count, previous_hash, hash)
        VALUES (@Sequence, @OccurredAt, @UserSubject, @UserName, @Role, @Action, @GoldenId, @RequestedId,
            @SearchTerms, @Purpose, @ResultCount, @PreviousHash, @Hash)
        """;

    internal const string UpdateHeadSql = "UPDATE audit_head SET last_sequence = @Sequence, last_hash = @Hash WHERE chain = @Chain";

    internal const string InsertHeadSql = "INSERT INTO audit_head (chain, last_sequence, last_hash) VALUES (@Chain, @Sequence, @Hash)";

    public static async Task<(long Sequence, string Hash)?> HeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            HeadSql, new { Chain }, transaction, cancellationToken: cancellationToken));
        return head is null ? null : (head.LastSequence, head.LastHash);
    }

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertEntrySql, entries, transaction, cancellationToken: cancellationToken));
        var last = entries[^1];
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            UpdateHeadSql,
            new { last.Sequence, last.Hash, Chain }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertHeadSql,
                new { last.Sequence, last.Hash, Chain }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Every entry in sequence order, read lazily so a long log is not held in memory.</summary>
    public static async IAsyncEnumerable<AuditEntry> AllAsync(ServingDatabase database, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenLogAsync(database, cancellationToken);
        var rows = connection.QueryUnbufferedAsync<EntryRow>($"SELECT {EntryColumns} FROM audit_entry ORDER BY sequence");
        await foreach (var row in rows.WithCancellation(cancellationToken)) yield return row.ToEntry();
    }

    public static async Task<(long Sequence, string Hash)?> HeadAsync(ServingDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenLogAsync(database, cancellationToken);
        return await HeadAsync(connection, null, cancellationToken);
    }

    /// <summary>The views of any of these people, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ViewsOfAsync(ServingDatabase database, IReadOnlyCollection<string> goldenIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenLogAsync(database, cancellationToken);
        var inList = database.Provider == DatabaseProvider.PostgreSql ? "golden_id = ANY(@Ids)" : "golden_id IN @Ids";
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM audit_entry WHERE action = @Action AND {inList} ORDER BY sequence",
            new { Action = AuditActions.View, Ids = goldenIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// A connection to where the log is, moved there first if the serving file still held it. The system clock only
    /// stamps the log file's schema_version row, made once.
    /// </summary>
    private static async Task<DbConnection> OpenLogAsync(ServingDatabase serving, CancellationToken cancellationToken)
    {
        var log = await AccessLogFile.PrepareAsync(serving, TimeProvider.System, cancellationToken);
        return await log.OpenAsync(cancellationToken);
    }

    private sealed class HeadRow
    {
        public long LastSequence { get; set; }
        public string LastHash { get; set; } = string.Empty;
    }

    private sealed class EntryRow
    {
        public long Sequence { get; set; }
        public string OccurredAt { get; set; } = string.Empty;
        public string UserSubject { get; set; } = string.Empty;
        public string UserName { get; set; } = string.Empty;
        public string Role { get; set; } = string.Empty;
        public string Action { get; set; } = string.Empty;
        public string? GoldenId { get; set; }
        public string? RequestedId { get; set; }
        public string? SearchTerms { get; set; }
        public string? Purpose { get; set; }
        public long? ResultCount { get; set; }
        public string PreviousHash { get; set; } = string.Empty;
        public string Hash { get; set; } = string.Empty;

        public AuditEntry ToEntry() => new(
            Sequence, OccurredAt, UserSubject, UserName, Role, Action, GoldenId, RequestedId, SearchTerms, Purpose,
            ResultCount is { } count ? (int)count : null, PreviousHash, Hash);
    }
}
