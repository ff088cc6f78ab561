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
    public static async Task<AuditVerification> VerifyAsync(ServingDatabase database, CancellationToken cancellationToken = default)
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

        return new AuditVerification(checkedCount, problems);
    }
}
