using Dapper;
using SingleView.Core.Model;
using SingleView.Golden.Identity;

namespace SingleView.Publish.Identity;

/// <summary>
/// Reads what the golden ID assignment remembers from earlier nights: the published membership (before
/// tonight's publication replaces it), every ID ever issued, and the redirects of retired IDs.
/// Tonight's changes are written by <see cref="ServingPublisher"/> in the publish transaction.
/// </summary>
public sealed class GoldenIdStore(ServingDatabase database)
{
    public async Task<GoldenIdHistory> LoadHistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var membership = new Dictionary<SourceRecordKey, string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT feed, record_id, golden_id FROM source_record";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                membership[new SourceRecordKey(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            }
        }

        var issued = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT golden_id, MIN(run_id) FROM golden_id_event GROUP BY golden_id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) issued[reader.GetString(0)] = reader.GetString(1);
        }

        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await connection.QueryAsync<(string Old, string New)>(
            new CommandDefinition("SELECT old_golden_id, new_golden_id FROM golden_id_redirect", cancellationToken: cancellationToken)))
        {
            redirects[row.Old] = row.New;
            issued.TryAdd(row.Old, null);
            issued.TryAdd(row.New, null);
        }

        // IDs published before their history was kept count as issued, at an unknown (so the earliest) time.
        foreach (var id in membership.Values) issued.TryAdd(id, null);
        return new GoldenIdHistory { Membership = membership, Issued = issued, Redirects = redirects };
    }

    /// <summary>
    /// <paramref name="proposed"/> if no publication or history uses it yet, else the first free
    /// "<paramref name="proposed"/>-2", "-3"...: two runs in one second must not share a history.
    /// </summary>
    public async Task<string> UnusedRunIdAsync(string proposed, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var candidate = proposed;
        for (var attempt = 2; ; attempt++)
        {
            var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT (SELECT COUNT(*) FROM publication WHERE run_id = @RunId) + (SELECT COUNT(*) FROM golden_id_event WHERE run_id = @RunId)",
                new { RunId = candidate },
                cancellationToken: cancellationToken));
            if (used == 0) return candidate;
            candidate = $"{proposed}-{attempt}";
        }
    }

    /// <summary>Follows redirects from <paramref name="goldenId"/> to the live ID (itself when not retired).</summary>
    public async Task<string> ResolveAsync(string goldenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal) { goldenId };
        var current = goldenId;
        while (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                   "SELECT new_golden_id FROM golden_id_redirect WHERE old_golden_id = @Id", new { Id = current }, cancellationToken: cancellationToken)) is { } next
               && seen.Add(next))
        {
            current = next;
        }

        return current;
    }

    /// <summary>The history of one golden ID, oldest first: what happened in which run, with the records concerned.</summary>
    public async Task<IReadOnlyList<GoldenIdHistoryEntry>> EventsAsync(string goldenId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GoldenIdHistoryEntry>(new CommandDefinition(
            """
            SELECT run_id AS RunId, golden_id AS GoldenId, sequence AS Sequence, event AS Event, related_golden_id AS RelatedGoldenId,
                   source_records AS SourceRecords, occurred_at AS OccurredAt
            FROM golden_id_event WHERE golden_id = @GoldenId ORDER BY run_id, sequence
            """,
            new { GoldenId = goldenId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

/// <summary>One row of golden_id_event. SourceRecords is a JSON array of "feed:record_id".</summary>
public sealed record GoldenIdHistoryEntry
{
    public string RunId { get; init; } = "";
    public string GoldenId { get; init; } = "";
    public long Sequence { get; init; }
    public string Event { get; init; } = "";
    public string? RelatedGoldenId { get; init; }
    public string SourceRecords { get; init; } = "[]";
    public string OccurredAt { get; init; } = "";
}
