using System.Data.Common;
using System.Threading.Channels;
using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>
/// Appends to the access log. One writer per app owns the chain's head: requests queue their entries,
/// the writer takes everything queued, chains and inserts it in one transaction (group commit) and only
/// then lets the requests go on. A look is never shown unrecorded, and many looks share one commit.
/// When another process has written meanwhile (the sequence is taken), the head is re-read and the
/// batch retried, so the chain stays one line. With a SQLite serving database the log is in its own file
/// (<see cref="AccessLogFile"/>), made ready, and moved out of an older serving file, before the first commit.
/// </summary>
public sealed class AuditLog : IAsyncDisposable
{
    private const int MaximumBatch = 512;
    private const int MaximumAttempts = 5;

    private readonly ServingDatabase database;
    private readonly TimeProvider timeProvider;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private readonly SqliteAuditWriter? sqliteWriter;
    private (long Sequence, string Hash)? head;
    private bool headLoaded;
    private bool prepared;

    /// <param name="database">The serving database; the log is in it (PostgreSQL) or in the file beside it (SQLite).</param>
    public AuditLog(ServingDatabase database, TimeProvider timeProvider)
    {
        this.database = database;
        this.timeProvider = timeProvider;
        sqliteWriter = database.Provider == DatabaseProvider.Sqlite ? new SqliteAuditWriter(AccessLogFile.For(database)) : null;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the entry is committed; throws when it could not be, so the request fails rather than goes unrecorded.</summary>
    public Task<AuditEntry> RecordAsync(AuditDraft draft)
    {
        var pending = new Pending(draft, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException("the access log is closed");
        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaximumBatch);
        try
        {
            // At start, so that an older serving file's log is moved before the first request waits on it.
            await PrepareAsync();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            // Tried again before the first commit, which fails (and so does its request) if this still does.
        }

        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaximumBatch && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                var entries = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(entries[i]);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                foreach (var pending in batch) pending.Completion.TrySetException(exception);
            }
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> CommitAsync(List<Pending> batch)
    {
        await PrepareAsync();
        return sqliteWriter is null ? await CommitWithDapperAsync(batch) : await CommitToSqliteAsync(sqliteWriter, batch);
    }

    private async Task PrepareAsync()
    {
        if (prepared) return;
        await AccessLogFile.PrepareAsync(database, timeProvider, CancellationToken.None);
        prepared = true;
    }

    /// <summary>The same transaction as <see cref="CommitWithDapperAsync"/> on the writer's kept connection and prepared commands.</summary>
    private async Task<IReadOnlyList<AuditEntry>> CommitToSqliteAsync(SqliteAuditWriter sqlite, List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await sqlite.BeginAsync();
                try
                {
                    if (!headLoaded)
                    {
                        head = await sqlite.HeadAsync(transaction);
                        headLoaded = true;
                    }

                    var entries = Chain(batch);
                    await sqlite.AppendAsync(transaction, entries);
                    await transaction.CommitAsync();
                    head = (entries[^1].Sequence, entries[^1].Hash);
                    return entries;
                }
                catch (DbException) when (attempt < MaximumAttempts)
                {
                    // Most likely another writer took the next sequence number: start again from the stored head.
                    await transaction.RollbackAsync();
                    headLoaded = false;
                }
            }
            catch
            {
                headLoaded = false;
                await sqlite.ResetAsync();
                throw;
            }
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> CommitWithDapperAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            // PostgreSQL: the log is in the serving database.
            await using var connection = await database.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            try
            {
                if (!headLoaded)
                {
                    head = await AuditStore.HeadAsync(connection, transaction, CancellationToken.None);
                    headLoaded = true;
                }

                var entries = Chain(batch);
                await AuditStore.AppendAsync(connection, transaction, entries, CancellationToken.None);
                await transaction.CommitAsync();
                head = (entries[^1].Sequence, entries[^1].Hash);
                return entries;
            }
            catch (DbException) when (attempt < MaximumAttempts)
            {
                // Most likely another writer took the next sequence number: start again from the stored head.
                await transaction.RollbackAsync();
                headLoaded = false;
            }
            catch
            {
                headLoaded = false;
                throw;
            }
        }
    }

    private List<AuditEntry> Chain(List<Pending> batch)
    {
        var (sequence, previous) = head ?? (0, AuditHash.Genesis);
        var occurredAt = timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var entries = new List<AuditEntry>(batch.Count);
        foreach (var (draft, _) in batch)
        {
            sequence++;
            var hash = AuditHash.Compute(
                occurredAt, draft.UserSubject, draft.UserName, draft.Role, draft.Action, draft.GoldenId, draft.RequestedId,
                draft.SearchTerms, draft.Purpose, draft.ResultCount, previous);
            entries.Add(new AuditEntry(
                sequence, occurredAt, draft.UserSubject, draft.UserName, draft.Role, draft.Action, draft.GoldenId, draft.RequestedId,
                draft.SearchTerms, draft.Purpose, draft.ResultCount, previous, hash));
            previous = hash;
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        if (sqliteWriter is not null) await sqliteWriter.DisposeAsync();
    }

    private sealed record Pending(AuditDraft Draft, TaskCompletionSource<AuditEntry> Completion);
}
