using System.Data.Common;
using Dapper;
using SingleView.Publish;

namespace SingleView.Schedule.Storage;

/// <summary>Who holds the refresh lock, for messages and the admin page.</summary>
public sealed record RefreshLockHolder(string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

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
/// Never two refreshes at once, whoever starts them: the scheduler's job and <c>singleview refresh</c>
/// both take this lock in the serving database before touching anything.
/// <para>
/// On PostgreSQL it is a session advisory lock held on its own connection, so a holder that dies
/// releases it with its connection. On SQLite it is a lease row in refresh_lock that expires after
/// <c>lease</c> (default 6 hours) if its holder died without releasing it. Either way the row says who holds it.
/// </para>
/// </summary>
public sealed class RefreshLock(ServingDatabase database, TimeProvider timeProvider, TimeSpan? lease = null)
{
    public const string LockName = "refresh";

    // "RFRESH": distinct from the migration lock, which a refresh itself takes while holding this one.
    internal const long PostgreSqlLockKey = 0x5246_5245_5348;

    private readonly TimeSpan leaseDuration = lease ?? TimeSpan.FromHours(6);

    /// <summary>Takes the lock, or returns null at once when someone else holds it. Dispose the lease to release it.</summary>
    public async Task<RefreshLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await new MigrationRunner(database, timeProvider).ApplyAsync(cancellationToken);
        DbConnection? session = null;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            session = await database.OpenAsync(cancellationToken);
            if (!await session.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@Key)", new { Key = PostgreSqlLockKey }))
            {
                await session.DisposeAsync();
                return null;
            }
        }

        try
        {
            var token = Guid.NewGuid().ToString("N");
            var now = timeProvider.GetUtcNow();
            var expires = now + leaseDuration;
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // With the advisory lock held, any row left is a dead holder's; on SQLite only an expired one is.
            await connection.ExecuteAsync(
                session is not null ? "DELETE FROM refresh_lock WHERE lock_name = @Name" : "DELETE FROM refresh_lock WHERE lock_name = @Name AND expires_at < @Now",
                new { Name = LockName, Now = Timestamps.Text(now) },
                transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO refresh_lock (lock_name, holder, token, acquired_at, expires_at) VALUES (@Name, @Holder, @Token, @AcquiredAt, @ExpiresAt)
                ON CONFLICT (lock_name) DO NOTHING
                """,
                new { Name = LockName, Holder = holder, Token = token, AcquiredAt = Timestamps.Text(now), ExpiresAt = Timestamps.Text(expires) },
                transaction);
            var owner = await connection.ExecuteScalarAsync<string>("SELECT token FROM refresh_lock WHERE lock_name = @Name", new { Name = LockName }, transaction);
            await transaction.CommitAsync(cancellationToken);
            if (owner == token) return new RefreshLease(database, session, token, holder, now);
            await ReleaseSessionAsync(session);
            return null;
        }
        catch
        {
            await ReleaseSessionAsync(session);
            throw;
        }
    }

    /// <summary>Takes the lock or throws <see cref="RefreshLockBusyException"/> naming who holds it.</summary>
    public async Task<RefreshLease> AcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        var lease = await TryAcquireAsync(holder, cancellationToken);
        if (lease is not null) return lease;
        var current = await CurrentHolderAsync(cancellationToken);
        throw new RefreshLockBusyException(current is null
            ? "another refresh is running"
            : $"another refresh is running: {current.Holder}, since {current.AcquiredAt:yyyy-MM-dd HH:mm:ss} UTC");
    }

    /// <summary>Who holds the lock now, or null.</summary>
    public async Task<RefreshLockHolder?> CurrentHolderAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Holder, string AcquiredAt, string ExpiresAt)?>(
            "SELECT holder, acquired_at, expires_at FROM refresh_lock WHERE lock_name = @Name", new { Name = LockName });
        return row is { } r ? new RefreshLockHolder(r.Holder, Timestamps.Parse(r.AcquiredAt), Timestamps.Parse(r.ExpiresAt)) : null;
    }

    internal static async Task ReleaseSessionAsync(DbConnection? session)
    {
        if (session is null) return;
        try
        {
            // Unlock explicitly: a pooled connection may keep its session (and the lock) after Dispose.
            await session.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = PostgreSqlLockKey });
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
    private readonly ServingDatabase database;
    private readonly DbConnection? session;
    private readonly string token;
    private bool released;

    internal RefreshLease(ServingDatabase database, DbConnection? session, string token, string holder, DateTimeOffset acquiredAt)
    {
        this.database = database;
        this.session = session;
        this.token = token;
        Holder = holder;
        AcquiredAt = acquiredAt;
    }

    public string Holder { get; }

    public DateTimeOffset AcquiredAt { get; }

    public async ValueTask DisposeAsync()
    {
        if (released) return;
        released = true;
        try
        {
            await using var connection = await database.OpenAsync();
            await connection.ExecuteAsync("DELETE FROM refresh_lock WHERE lock_name = @Name AND token = @Token", new { Name = RefreshLock.LockName, Token = token });
        }
        finally
        {
            await RefreshLock.ReleaseSessionAsync(session);
        }
    }
}
