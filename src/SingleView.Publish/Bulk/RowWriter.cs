using System.Data.Common;
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

        public override void Integer(int value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Integer);

        public override void BigInteger(long value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Bigint);

        public override void Double(double value) => importer.Write(value, NpgsqlTypes.NpgsqlDbType.Double);

        public override async Task CompleteAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }

    private sealed class PreparedRowWriter : RowWriter
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;
        private int next = -1;

        public PreparedRowWriter(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            command.Prepare();
        }

        public override void StartRow()
        {
            if (next >= 0) Flush();
            next = 0;
        }

        public override void Text(string? value) => parameters[next++].Value = (object?)value ?? DBNull.Value;

        public override void Integer(int value) => parameters[next++].Value = value;

        public override void BigInteger(long value) => parameters[next++].Value = value;

        public override void Double(double value) => parameters[next++].Value = value;

        public override Task CompleteAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (next >= 0) Flush();
            next = -1;
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => command.DisposeAsync();

        private void Flush()
        {
            if (next != parameters.Length) throw new InvalidOperationException($"A row of {command.CommandText} had {next} values, not {parameters.Length}.");
            command.ExecuteNonQuery();
        }
    }
}
