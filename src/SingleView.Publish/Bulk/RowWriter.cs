using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SingleView.Publish.Bulk;

/// <summary>
/// Writes many rows into one table inside the caller's transaction, as fast as each database allows:
/// PostgreSQL binary COPY, or one prepared SQLite INSERT reused for every row. Values are written in
/// column order, one call per column, after <see cref="StartRow"/>; no value is ever put into SQL text.
/// </summary>
internal abstract class RowWriter : IAsyncDisposable
{
    public static RowWriter Open(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) => connection switch
    {
        // Table and column names come from constants in this project, never from input.
        NpgsqlConnection postgres => new CopyRowWriter(postgres.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)")),
        SqliteConnection sqlite => new PreparedRowWriter(sqlite, (SqliteTransaction)transaction, table, columns),
        _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
    };

    public abstract void StartRow();

    public abstract void Text(string? value);

    /// <summary>A date as ISO-8601 TEXT (yyyy-MM-dd), or NULL.</summary>
    public abstract void Date(DateOnly? value);

    /// <summary>An INTEGER column.</summary>
    public abstract void Integer(int value);

    /// <summary>A BIGINT column.</summary>
    public abstract void BigInteger(long value);

    /// <summary>A DOUBLE PRECISION column.</summary>
    public abstract void Double(double value);

    /// <summary>Writes the last row and makes the rows part of the transaction (COPY is not complete until then).</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class CopyRowWriter(NpgsqlBinaryImporter importer) : RowWriter
    {
        public override void StartRow() => importer.StartRow();

        public override void Text(string? value)
        {
            if (value is null) importer.WriteNull();
            else importer.Write(value, NpgsqlTypes.NpgsqlDbType.Text);
        }

        public override void Date(DateOnly? value) => Text(value is { } date ? ServingPublisher.Iso(date) : null);

        public override void Integer(int value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Integer);

        public override void BigInteger(long value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Bigint);

        public override void Double(double value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Double);

        public override async Task CompleteAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }

    /// <summary>
    /// One prepared statement stepped once per row through SQLite's own API: the ADO.NET command costs more
    /// per row than SQLite's B-tree work, and at a million rows that is most of the publish.
    /// </summary>
    private sealed class PreparedRowWriter : RowWriter
    {
        private readonly SQLitePCL.sqlite3 database;
        private readonly SQLitePCL.sqlite3_stmt statement;
        private readonly int columns;
        private readonly string text;
        private int next = -1;

        // One UTF-8 buffer for every value: binding a string would allocate its UTF-8 copy per value
        // (tens of millions at a million records), and SQLite copies the bytes on bind anyway.
        private byte[] utf8 = new byte[1024];

        public PreparedRowWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
        {
            // The transaction is the connection's current one: the statements below run inside it.
            _ = transaction;
            database = connection.Handle!;
            this.columns = columns.Count;
            text = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            Check(SQLitePCL.raw.sqlite3_prepare_v2(database, text, out statement));
        }

        public override void StartRow()
        {
            if (next >= 0) Flush();
            next = 1;
        }

        public override void Text(string? value)
        {
            if (value is null)
            {
                Check(SQLitePCL.raw.sqlite3_bind_null(statement, next++));
                return;
            }

            if (value.Length == 0)
            {
                // An empty span is pinned as a null pointer, which SQLite would store as NULL, not ''.
                Check(SQLitePCL.raw.sqlite3_bind_text(statement, next++, value));
                return;
            }

            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > utf8.Length) utf8 = new byte[Math.Max(most, utf8.Length * 2)];
            var length = Encoding.UTF8.GetBytes(value, utf8);
            Check(SQLitePCL.raw.sqlite3_bind_text(statement, next++, new ReadOnlySpan<byte>(utf8, 0, length)));
        }

        public override void Date(DateOnly? value)
        {
            // Formatted straight into the UTF-8 buffer: no string per date (several per row at a million rows).
            if (value is not { } date || !date.TryFormat(utf8, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                Text(value is { } d ? ServingPublisher.Iso(d) : null);
                return;
            }

            Check(SQLitePCL.raw.sqlite3_bind_text(statement, next++, new ReadOnlySpan<byte>(utf8, 0, length)));
        }

        public override void Integer(int value) => Check(SQLitePCL.raw.sqlite3_bind_int(statement, next++, value));

        public override void BigInteger(long value) => Check(SQLitePCL.raw.sqlite3_bind_int64(statement, next++, value));

        public override void Double(double value) => Check(SQLitePCL.raw.sqlite3_bind_double(statement, next++, value));

        public override Task CompleteAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (next >= 0) Flush();
            next = -1;
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            statement.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Flush()
        {
            if (next - 1 != columns) throw new InvalidOperationException($"A row of {text} had {next - 1} values, not {columns}.");
            var result = SQLitePCL.raw.sqlite3_step(statement);
            var error = result == SQLitePCL.raw.SQLITE_DONE ? null : SQLitePCL.raw.sqlite3_errmsg(database).utf8_to_string();
            SQLitePCL.raw.sqlite3_reset(statement);
            if (error is not null) throw new SqliteException($"{text}: {error}", result);
        }

        private void Check(int result)
        {
            if (result != SQLitePCL.raw.SQLITE_OK) throw new SqliteException($"{text}: {SQLitePCL.raw.sqlite3_errmsg(database).utf8_to_string()}", result);
        }
    }
}
