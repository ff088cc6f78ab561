using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>
/// Where the access log lives. With a SQLite serving database it is a SQLite file of its own beside it
/// (<c>singleview.db</c> → <c>singleview.audit.db</c>): a commit to a SQLite file's write-ahead log empties the
/// page cache of every connection reading that file, so while the log was in the serving file every audited
/// view made the next views re-read their pages. The nightly publication rewrites the serving file's tables in
/// place and never opens this file, so the log outlives every refresh. With PostgreSQL the log stays in the
/// serving database (sql/0003_audit.sql), as before.
/// </summary>
public static class AccessLogFile
{
    /// <summary>What replaces the serving file's extension in the log file's name.</summary>
    public const string Suffix = ".audit.db";

    /// <summary>The one numbered script (sql/0010_access_log_file.sql) that makes the log's tables in its own file.</summary>
    internal const int SchemaVersion = 10;

    /// <summary>
    /// The database that holds the access log of this serving database: the file beside it, or the serving database
    /// itself on PostgreSQL (and for a SQLite database that is not a file, such as ":memory:", which has no "beside").
    /// </summary>
    public static ServingDatabase For(ServingDatabase serving)
    {
        ArgumentNullException.ThrowIfNull(serving);
        return serving.Provider == DatabaseProvider.Sqlite && IsFile(ServingPath(serving)) ? ServingDatabase.Sqlite(PathBeside(ServingPath(serving))) : serving;
    }

    /// <summary>The log file's path for a serving file: same folder, same name, <see cref="Suffix"/> for the extension.</summary>
    public static string PathBeside(string servingPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servingPath);
        if (!IsFile(servingPath)) throw new ArgumentException($"the access log needs a serving database file, not {servingPath}", nameof(servingPath));
        return Path.Combine(Path.GetDirectoryName(servingPath) ?? string.Empty, Path.GetFileNameWithoutExtension(servingPath) + Suffix);
    }

    /// <summary>
    /// Makes the log's file ready (its table, once) and moves into it any entries a serving file made before the
    /// log had its own file still holds; returns the database to read and write the log in. Safe to run by every
    /// reader and writer, at any time, in any number of processes: a second run finds nothing to move.
    /// </summary>
    internal static async Task<ServingDatabase> PrepareAsync(ServingDatabase serving, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var log = For(serving);
        if (ReferenceEquals(log, serving)) return log;
        var servingPath = ServingPath(serving);
        if (!File.Exists(servingPath) && !File.Exists(PathBeside(servingPath)))
        {
            // Neither file: a mistyped path, not a place to start a new log. Reported as the database error it used to be.
            throw new SqliteException($"no serving database at {servingPath}", 14);
        }

        await CreateWithSmallPagesAsync(PathBeside(servingPath), cancellationToken);
        await using var connection = (SqliteConnection)await log.OpenAsync(cancellationToken);
        await EnsureSchemaAsync(connection, timeProvider, cancellationToken);
        await AccessLogMove.MoveAsync(connection, servingPath, cancellationToken);
        return log;
    }

    /// <summary>
    /// A new log file gets SQLite's usual 4 KiB pages, not the 16 KiB <see cref="ServingDatabase.OpenAsync"/> gives a new
    /// serving file for its bulk publication: each commit of the log writes and checksums a few pages into the WAL, and
    /// with 16 KiB pages a look cost more than it did in the serving file (measured: 5% more CPU per person view). The
    /// size holds once WAL mode has written the file's header; an existing file keeps the size it has.
    /// </summary>
    private static async Task CreateWithSmallPagesAsync(string logPath, CancellationToken cancellationToken)
    {
        if (File.Exists(logPath)) return;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = logPath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA page_size=4096; PRAGMA journal_mode=WAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsFile(string dataSource) => dataSource.Length > 0 && !dataSource.StartsWith(':');

    private static string ServingPath(ServingDatabase serving) => new SqliteConnectionStringBuilder(serving.ConnectionString).DataSource;

    /// <summary>The same bookkeeping as <see cref="MigrationRunner"/>, for the one script this file gets (the serving schema's others do not belong in it).</summary>
    private static async Task EnsureSchemaAsync(SqliteConnection connection, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE transactions: two processes starting together take turns.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { Version = SchemaVersion }, transaction, cancellationToken: cancellationToken));
        if (done == 0)
        {
            var script = MigrationRunner.EmbeddedScripts().Single(s => s.Version == SchemaVersion);
            await connection.ExecuteAsync(new CommandDefinition(script.Text, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { script.Version, script.Name, AppliedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
