using SingleView.Publish;

namespace SingleView.Serve.Audit;

/// <summary>What is wrong with one place in the access log.</summary>
public enum AuditProblemKind
{
    /// <summary>An entry's contents no longer match its hash.</summary>
    Changed,

    /// <summary>Entries are missing: a gap in the sequence, a broken link, or a head pointing past the last entry.</summary>
    Deleted,

    /// <summary>An entry follows a different entry from the one it was chained to.</summary>
    Reordered,
}

/// <summary>One problem found, at the entry (sequence number) where it shows.</summary>
public sealed record AuditProblem(long Sequence, AuditProblemKind Kind, string Message);

/// <summary>The outcome of checking the whole chain.</summary>
public sealed record AuditVerification(long EntriesChecked, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>Walks the access log from the first entry, recomputing every hash and every link.</summary>
public static class AuditVerifier
{
    /// <summary>
    /// The chain checked as <see cref="VerifyAsync(ServingDatabase, CancellationToken)"/> does, and its end against the
    /// witness (<see cref="AccessLogWitness"/>): a log that no longer reaches the head a publish or a verify saw has lost
    /// entries from its end, or was emptied; a log file that is not there is a failure too. When all is well the head
    /// is recorded as the new witness.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(ServingDatabase database, string witnessPath, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (await MissingLogAsync(database, cancellationToken) is { } missing) return new AuditVerification(0, [missing]);
        AccessLogWitnessRecord? witness;
        try
        {
            witness = AccessLogWitness.Read(witnessPath);
        }
        catch (InvalidDataException exception)
        {
            return new AuditVerification(0, [new AuditProblem(0, AuditProblemKind.Changed, $"the witness file was changed: {exception.Message}")]);
        }

        var (verification, entries) = await VerifyChainAsync(database, cancellationToken);
        if (witness is { Entries: > 0 } w && WitnessProblem(entries, w, witnessPath) is { } problem)
        {
            return verification with { Problems = [.. verification.Problems, problem] };
        }

        if (verification.Intact)
        {
            var head = entries.Count == 0 ? AccessLogHead.Empty : new AccessLogHead(entries[^1].Sequence, entries[^1].Hash);
            AccessLogWitness.Write(witnessPath, head, "verify", timeProvider.GetUtcNow());
        }

        return verification;
    }

    public static async Task<AuditVerification> VerifyAsync(ServingDatabase database, CancellationToken cancellationToken = default) =>
        (await VerifyChainAsync(database, cancellationToken)).Verification;

    private static AuditProblem? WitnessProblem(IReadOnlyList<AuditEntry> entries, AccessLogWitnessRecord witness, string witnessPath)
    {
        var seen = $"the witness {witnessPath} recorded {witness.Entries} entries at {witness.RecordedAt} ({witness.RecordedBy})";
        if (entries.Count == 0)
        {
            return new AuditProblem(1, AuditProblemKind.Deleted, $"the access log is empty, but {seen}: every entry was deleted");
        }

        var last = entries[^1].Sequence;
        if (last < witness.Entries)
        {
            return new AuditProblem(last + 1, AuditProblemKind.Deleted,
                $"{(last + 1 == witness.Entries ? $"entry {witness.Entries} at the end is" : $"entries {last + 1} to {witness.Entries} at the end are")} missing (deleted): {seen}, the log ends at entry {last}");
        }

        var entry = entries.FirstOrDefault(e => e.Sequence == witness.Entries);
        return entry is not null && string.Equals(entry.Hash, witness.LastHash, StringComparison.Ordinal)
            ? null
            : new AuditProblem(witness.Entries, AuditProblemKind.Changed, $"entry {witness.Entries} is not the one {seen}: the log was rewritten from there or before");
    }

    /// <summary>On SQLite the log is a file beside the serving file: not there (and no log left in the serving file to move into it) is a failure, not an empty log.</summary>
    private static async Task<AuditProblem?> MissingLogAsync(ServingDatabase database, CancellationToken cancellationToken)
    {
        if (AccessLogWitness.LogFile(database) is not { } logFile || File.Exists(logFile)) return null;
        var serving = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!File.Exists(serving)) return null;
        long inServingFile;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var hasTable = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'");
            inServingFile = hasTable == 0 ? 0 : await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM audit_entry");
        }

        return inServingFile > 0 ? null : new AuditProblem(0, AuditProblemKind.Deleted, $"the access log file {logFile} is missing");
    }

    private static async Task<(AuditVerification Verification, IReadOnlyList<AuditEntry> Entries)> VerifyChainAsync(ServingDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var sequenceOfHash = new Dictionary<string, long>(StringComparer.Ordinal);
        var problems = new List<AuditProblem>();
        long previousSequence = 0, checkedCount = 0;
        var previousHash = AuditHash.Genesis;
        var entries = new List<AuditEntry>();
        await foreach (var entry in AuditStore.AllAsync(database, cancellationToken)) entries.Add(entry);
        foreach (var entry in entries) sequenceOfHash.TryAdd(entry.Hash, entry.Sequence);

        foreach (var entry in entries)
        {
            checkedCount++;
            if (!string.Equals(AuditHash.Of(entry), entry.Hash, StringComparison.Ordinal))
            {
                problems.Add(new AuditProblem(entry.Sequence, AuditProblemKind.Changed, $"entry {entry.Sequence} was changed: its contents do not match its hash"));
            }

            if (entry.Sequence != previousSequence + 1)
            {
                var first = previousSequence + 1;
                var last = entry.Sequence - 1;
                problems.Add(new AuditProblem(first, AuditProblemKind.Deleted, first == last ? $"entry {first} is missing (deleted)" : $"entries {first} to {last} are missing (deleted)"));
            }
            else if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                problems.Add(sequenceOfHash.TryGetValue(entry.PreviousHash, out var actualPredecessor)
                    ? new AuditProblem(entry.Sequence, AuditProblemKind.Reordered, $"entry {entry.Sequence} is out of order: it was written after entry {actualPredecessor}, not entry {previousSequence}")
                    : previousSequence > 0
                        ? new AuditProblem(entry.Sequence, AuditProblemKind.Deleted, $"entry {entry.Sequence} does not follow entry {previousSequence}: the entry written before it was deleted or replaced")
                        : new AuditProblem(entry.Sequence, AuditProblemKind.Deleted, $"entry {entry.Sequence} does not follow the start of the log: earlier entries were deleted"));
            }

            previousSequence = entry.Sequence;
            previousHash = entry.Hash;
        }

        var head = await AuditStore.HeadAsync(database, cancellationToken);
        if (head is { } h)
        {
            if (h.Sequence > previousSequence)
            {
                problems.Add(new AuditProblem(previousSequence + 1, AuditProblemKind.Deleted,
                    previousSequence + 1 == h.Sequence ? $"entry {h.Sequence} at the end is missing (deleted)" : $"entries {previousSequence + 1} to {h.Sequence} at the end are missing (deleted)"));
            }
            else if (h.Sequence != previousSequence || !string.Equals(h.Hash, previousHash, StringComparison.Ordinal))
            {
                problems.Add(new AuditProblem(previousSequence, AuditProblemKind.Changed, $"the log's head (entry {h.Sequence}) does not match its last entry ({previousSequence})"));
            }
        }
        else if (checkedCount > 0)
        {
            problems.Add(new AuditProblem(previousSequence, AuditProblemKind.Deleted, "the log's head is missing"));
        }

        return (new AuditVerification(checkedCount, problems), entries);
    }
}
