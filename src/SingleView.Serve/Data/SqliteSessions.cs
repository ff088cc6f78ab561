using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SingleView.Publish;

namespace SingleView.Serve.Data;

/// <summary>
/// Open SQLite connections kept by the reader, each with the commands it has prepared. Microsoft.Data.Sqlite
/// prepares every statement of a command again whenever a new command object runs (a person view's batch is
/// six statements: parsing them was about a fifth of the request), and a pooled connection's prepared
/// statements are finalised when it is closed. So the reader keeps connections open itself and reuses each
/// one's commands, re-bound with new values. A connection serves one request at a time; SQLite re-prepares
/// a statement by itself when a migration changes the schema.
/// </summary>
internal sealed class SqliteSessions(ServingDatabase database) : IDisposable
{
    /// <summary>More idle connections than this are closed: enough for the requests one server runs at once.</summary>
    internal const int MaximumIdle = 64;

    /// <summary>
    /// How much of the serving file a kept connection reads through a memory map (SQLite's largest, 2 GiB) instead of
    /// copying each page out of the OS with a read call into its own small page cache: a person view touches pages all
    /// over the file, so most reads missed that cache. Worth it only since the access log left the serving file: a
    /// commit to the file's WAL made every reader start again, and the map was then slower (session 4). Session 5:
    /// 7-9% less CPU per person view.
    /// </summary>
    internal const long MemoryMapBytes = 2_147_418_112;

    private readonly ConcurrentBag<SqliteSession> idle = [];
    private volatile bool disposed;

    public async Task<SqliteSession> RentAsync(CancellationToken cancellationToken)
    {
        if (idle.TryTake(out var session)) return session;
        var connection = (SqliteConnection)await database.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA mmap_size={MemoryMapBytes}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SqliteSession(connection);
    }

    public void Return(SqliteSession session)
    {
        if (disposed || session.Connection.State != System.Data.ConnectionState.Open || idle.Count >= MaximumIdle) session.Dispose();
        else idle.Add(session);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var session)) session.Dispose();
    }
}

/// <summary>One kept connection and the commands prepared on it, by their text.</summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    // The commands by the identity of their text, looked through first: callers pass the same constant text every time,
    // so the dictionary's hashing and comparing of a person batch's 2 KB of text on every view is not needed.
    private readonly List<(string Text, SqliteCommand Command)> byReference = [];

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The command with this text, prepared on first use; its parameters are named once and re-bound by the caller.</summary>
    public SqliteCommand Command(string text, params string[] parameterNames)
    {
        foreach (var (known, found) in byReference)
        {
            if (ReferenceEquals(known, text)) return found;
        }

        if (commands.TryGetValue(text, out var command)) return command;

        command = Connection.CreateCommand();
        command.CommandText = text;
        foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        commands.Add(text, command);
        Remember(text, command);
        return command;
    }

    private readonly Dictionary<(SqliteCommand Command, int Result), object> rowParsers = [];

    /// <summary>The kept row parser of one result (by its place in the batch) of one of this session's commands.</summary>
    public KeptRowParser<T> RowParser<T>(SqliteCommand command, int result)
    {
        if (rowParsers.TryGetValue((command, result), out var kept)) return (KeptRowParser<T>)kept;
        var parser = new KeptRowParser<T>();
        rowParsers.Add((command, result), parser);
        return parser;
    }

    private void Remember(string text, SqliteCommand command)
    {
        if (byReference.Count < MaximumRemembered) byReference.Add((text, command));
    }

    /// <summary>Texts looked up by identity at most: more than the view's few constant texts (one batch per role, one publication query).</summary>
    private const int MaximumRemembered = 8;

    public void Dispose()
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
        byReference.Clear();
        rowParsers.Clear();
        Connection.Dispose();
    }
}
