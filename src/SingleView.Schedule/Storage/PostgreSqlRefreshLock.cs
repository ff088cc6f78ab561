using System.Globalization;
using Dapper;
using SingleView.Publish;

namespace SingleView.Schedule.Storage;

/// <summary>
/// The refresh lock on PostgreSQL: a session advisory lock on a connection kept open for the run, which the
/// server releases when that connection ends, however its process ends. Every host of a cluster meets it.
/// Who holds it is the session's application_name, which dies with the session too.
/// </summary>
internal static class PostgreSqlRefreshLock
{
    // application_name is cut to 63 bytes by the server; the time goes first so that a long holder loses only its end.
    private const string NamePrefix = "refresh-lock ";

    public static async Task<RefreshLease?> TryAcquireAsync(ServingDatabase database, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await database.OpenAsync(cancellationToken);
        try
        {
            if (!await session.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@Key)", new { Key = RefreshLock.PostgreSqlLockKey }))
            {
                await session.DisposeAsync();
                return null;
            }

            var name = $"{NamePrefix}{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)} {holder}";
            await session.ExecuteAsync("SELECT set_config('application_name', @Name, false)", new { Name = name });
        }
        catch
        {
            await RefreshLock.ReleaseSessionAsync(session);
            throw;
        }

        return new RefreshLease(holder, now, async () => await RefreshLock.ReleaseSessionAsync(session));
    }

    public static async Task<RefreshLockHolder?> CurrentHolderAsync(ServingDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid), objsubid 1.
        var name = await connection.QueryFirstOrDefaultAsync<string?>(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid::bigint = @High AND l.objid::bigint = @Low
            LIMIT 1
            """,
            new { High = RefreshLock.PostgreSqlLockKey >> 32, Low = RefreshLock.PostgreSqlLockKey & 0xFFFF_FFFF });
        if (name is null) return null;
        if (!name.StartsWith(NamePrefix, StringComparison.Ordinal)) return new RefreshLockHolder("a session of the serving database", null);
        var rest = name[NamePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var acquiredAt = space > 0 && DateTimeOffset.TryParseExact(rest[..space], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : (DateTimeOffset?)null;
        return new RefreshLockHolder(space > 0 ? rest[(space + 1)..] : rest, acquiredAt);
    }
}
