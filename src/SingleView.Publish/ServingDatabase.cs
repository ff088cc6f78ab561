using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SingleView.Publish;

/// <summary>
/// Where the serving database is: SQLite in the data directory by default, or PostgreSQL. The few
/// dialect differences live here and in <see cref="MigrationRunner"/>, nowhere else.
/// </summary>
public sealed record ServingDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static ServingDatabase Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    public static ServingDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>"postgres://…"-free form: a connection string starting "Host=" is PostgreSQL, anything else a SQLite file path.</summary>
    public static ServingDatabase Parse(string value) =>
        value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) ? PostgreSql(value) : Sqlite(value);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
            _ => new NpgsqlConnection(ConnectionString),
        };
        await connection.OpenAsync(cancellationToken);
        // Settings belong to the SQLite handle, which the pool keeps open across SqliteConnection objects:
        // applied once per handle, not on every open (a person view opens one or two connections).
        if (connection is SqliteConnection { Handle: { } handle } && !ConfiguredHandles.TryGetValue(handle, out _))
        {
            // WAL lets the view read last night's data while a refresh writes tonight's. A database file created
            // here gets 16 KiB pages, not SQLite's 4 KiB: a publication writes some 9 million rows, and with a
            // quarter as many pages it is written (WAL, then checkpoint) with less work. The size must be set
            // before WAL is: an existing database keeps the page size it has, and the pragma does nothing.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            ConfiguredHandles.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = new();
    private static readonly object Configured = new();

    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ToString()}";
}
