using System.Data.Common;
using Dapper;
using SingleView.Publish;

namespace SingleView.Schedule.Storage;

/// <summary>Who holds the refresh lock, for messages and the admin page.</summary>
public sealed record RefreshLockHolder(string Holder, DateTimeOffset? AcquiredAt);

/// <summary>Thrown by <see cref="RefreshLock.AcquireAsync"/> when another refresh is running.</summary>
public sealed class RefreshLockBusyException : InvalidOperationException
{
    public RefreshLockBusyException(string message)
        : base(message)
    {
    }

    public RefreshLockBusyException()
    {
    }

    public RefreshLockBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Never two refreshes at once on one serving database, whoever starts them: the scheduler's job and
/// <c>singleview refresh</c> both take this lock before touching anything.
/// <para>
/// The lock lives exactly as long as its holder, so a holder killed with <c>kill -9</c> leaves nothing to
/// clear: on PostgreSQL it is a session advisory lock held on a connection of its own (the server drops it
/// with the connection); with SQLite it is an operating-system lock on a file beside the database
/// (<c>singleview.db</c> → <c>singleview.refresh.lock</c>), which the kernel drops with the process.
/// There is no row with an expiry: a dead holder's row blocked every refresh until it expired.
/// </para>
/// </summary>
public sealed class RefreshLock(ServingDatabase database, TimeProvider timeProvider)
{
    /// <summary>What replaces a SQLite serving file's extension in the lock file's name.</summary>
    public const string LockFileSuffix = ".refresh.lock";

    // "RFRESH": distinct from the migration lock, which a refresh itself takes while holding this one.
    internal const long PostgreSqlLockKey = 0x5246_5245_5348;

    /// <summary>Takes the lock, or returns null at once when someone else holds it. Dispose the lease to release it.</summary>
    public async Task<RefreshLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await new MigrationRunner(database, timeProvider).ApplyAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        return database.Provider == DatabaseProvider.PostgreSql
            ? await PostgreSqlRefreshLock.TryAcquireAsync(database, holder, now, cancellationToken)
            : FileRefreshLock.TryAcquire(LockFilePath(database), holder, now);
    }

    /// <summary>Takes the lock or throws <see cref="RefreshLockBusyException"/> naming who holds it.</summary>
    public async Task<RefreshLease> AcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        var lease = await TryAcquireAsync(holder, cancellationToken);
        if (lease is not null) return lease;
        var current = await CurrentHolderAsync(cancellationToken);
        throw new RefreshLockBusyException(current switch
        {
            null => "another refresh is running",
            { AcquiredAt: { } since } => $"another refresh is running: {current.Holder}, since {since:yyyy-MM-dd HH:mm:ss} UTC",
            _ => $"another refresh is running: {current.Holder}",
        });
    }

    /// <summary>Who holds the lock now, or null when no living holder is known.</summary>
    public async Task<RefreshLockHolder?> CurrentHolderAsync(CancellationToken cancellationToken = default) =>
        database.Provider == DatabaseProvider.PostgreSql
            ? await PostgreSqlRefreshLock.CurrentHolderAsync(database, cancellationToken)
            : FileRefreshLock.CurrentHolder(LockFilePath(database));

    /// <summary>
    /// The lock file of a SQLite serving database: beside it, so every process that writes that file — whatever
    /// its data directory — meets the same lock. A database that is not a file (":memory:") gets one in the temporary folder.
    /// </summary>
    public static string LockFilePath(ServingDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(source) || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database.ConnectionString)))[..16];
            return Path.Combine(Path.GetTempPath(), $"singleview-{name}{LockFileSuffix}");
        }

        var full = Path.GetFullPath(source);
        return Path.Combine(Path.GetDirectoryName(full) ?? string.Empty, Path.GetFileNameWithoutExtension(full) + LockFileSuffix);
    }

    internal static async Task ReleaseSessionAsync(DbConnection? session)
    {
        if (session is null) return;
        try
        {
            // Unlock explicitly: a pooled connection may keep its session (and the lock) after Dispose.
            await session.ExecuteAsync("SELECT pg_advisory_unlock(@Key); RESET application_name", new { Key = PostgreSqlLockKey });
        }
        finally
        {
            await session.DisposeAsync();
        }
    }
}

/// <summary>A held refresh lock. Disposing it releases the lock.</summary>
public sealed class RefreshLease : IAsyncDisposable
{
    private readonly Func<ValueTask> release;
    private bool released;

    internal RefreshLease(string holder, DateTimeOffset acquiredAt, Func<ValueTask> release)
    {
        this.release = release;
        Holder = holder;
        AcquiredAt = acquiredAt;
    }

    public string Holder { get; }

    public DateTimeOffset AcquiredAt { get; }

    public async ValueTask DisposeAsync()
    {
        if (released) return;
        released = true;
        await release();
    }
}
