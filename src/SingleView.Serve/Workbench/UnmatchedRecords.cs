using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Publish;
using SingleView.Refresh;

namespace SingleView.Serve.Workbench;

/// <summary>A record of another feed that might have been the same person, with the model's score and why it was not linked.</summary>
internal sealed record Candidate(string Record, string? Name, string? DateOfBirth, double MatchWeight, double MatchProbability, string WhyNotLinked);

internal sealed record UnmatchedRecord(string Record, string? Name, string? DateOfBirth, string? Postcode, IReadOnlyList<Candidate> Candidates);

internal sealed record UnmatchedFeed(string Feed, IReadOnlyList<string> ExpectedTo, IReadOnlyList<UnmatchedRecord> Records);

/// <summary>
/// Per feed of config/workbench.yaml's expected_links: the published records whose person holds no other
/// record (linked to nobody), with their best candidates from the feeds they were expected to link to. The
/// candidates are those sharing the date of birth, or the family name and postcode, scored again with the
/// MatchEngine on the published records (as <c>singleview explain</c> does).
/// </summary>
internal sealed class UnmatchedRecords(ServingDatabase database, WorkbenchSettings settings, Data.ServingReader? withheldFrom = null)
{
    private readonly Lazy<MatchEngine?> engine = new(() =>
        File.Exists(Path.Combine(settings.ConfigDirectory, "matching.yaml")) ? new MatchEngine(MatchModelLoader.LoadDirectory(settings.ConfigDirectory)) : null);

    public bool CanScore => engine.Value is not null;

    public async Task<IReadOnlyList<UnmatchedFeed>> ListAsync(int maximumPerFeed, CancellationToken cancellationToken)
    {
        var result = new List<UnmatchedFeed>();
        var withheld = withheldFrom is null ? Serve.Access.WithheldValues.None : await withheldFrom.WithheldValuesAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var (feed, expected) in settings.ExpectedLinks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var alone = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
                """
                SELECT s.feed AS Feed, s.record_id AS RecordId, s.first_name AS FirstName, s.family_name AS FamilyName,
                       s.date_of_birth AS DateOfBirth, s.postcode AS Postcode, s.address AS Address, s.restricted AS Restricted, p.kind AS Kind
                FROM source_record s LEFT JOIN person p ON p.golden_id = s.golden_id
                WHERE s.feed = @Feed AND NOT EXISTS (SELECT 1 FROM source_record o WHERE o.golden_id = s.golden_id AND NOT (o.feed = s.feed AND o.record_id = s.record_id))
                ORDER BY s.record_id
                """,
                new { Feed = feed },
                cancellationToken: cancellationToken)))
                .Where(r => !expected.ChildrenOnly || r.Kind == nameof(PersonKind.Child))
                .Take(maximumPerFeed)
                .ToList();
            var records = new List<UnmatchedRecord>();
            foreach (var row in alone)
            {
                // A restricted person's home, or a home that is theirs, is not shown (the candidates are still found by it).
                var postcode = row.Restricted != 0 || withheld.WithholdsHome(row.Address, row.Postcode) ? null : row.Postcode;
                records.Add(new UnmatchedRecord(row.Key, Name(row), row.DateOfBirth, postcode, await CandidatesAsync(connection, row, expected.To, cancellationToken)));
            }

            result.Add(new UnmatchedFeed(feed, expected.To, records));
        }

        return result;
    }

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(System.Data.Common.DbConnection connection, RecordRow row, IReadOnlyList<string> feeds, CancellationToken cancellationToken)
    {
        if (engine.Value is not { } matcher) return [];
        var rows = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
            """
            SELECT feed AS Feed, record_id AS RecordId, first_name AS FirstName, family_name AS FamilyName, date_of_birth AS DateOfBirth, postcode AS Postcode
            FROM source_record
            WHERE feed IN @Feeds AND ((date_of_birth IS NOT NULL AND date_of_birth = @DateOfBirth) OR (family_name = @FamilyName AND postcode = @Postcode))
            """,
            new { Feeds = feeds.ToArray(), row.DateOfBirth, row.FamilyName, row.Postcode },
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return [];
        var self = new SourceRecordKey(row.Feed, row.RecordId);
        var keys = rows.Select(r => new SourceRecordKey(r.Feed, r.RecordId)).Append(self).ToList();
        var published = await PublishedRecords.LoadAsync(database, keys, cancellationToken);
        if (!published.TryGetValue(self, out var record)) return [];
        var decided = await DecidedDifferentAsync(connection, self.ToString(), cancellationToken);
        return rows
            .Where(r => published.ContainsKey(new SourceRecordKey(r.Feed, r.RecordId)))
            .Select(r =>
            {
                var key = new SourceRecordKey(r.Feed, r.RecordId);
                var scored = matcher.Explain(record, published[key]);
                return new Candidate(
                    key.ToString(), Name(r), r.DateOfBirth, scored.Explanation.MatchWeight, scored.Explanation.MatchProbability,
                    WhyNotLinked(scored, decided.Contains(key.ToString())));
            })
            .OrderByDescending(c => c.MatchWeight)
            .Take(settings.Candidates)
            .ToList();
    }

    private static string WhyNotLinked(Match.Scoring.ScoredPair scored, bool decidedDifferent)
    {
        if (decidedDifferent) return "a person decided these are not the same person";
        var probability = scored.Explanation.MatchProbability.ToString("0.000", CultureInfo.InvariantCulture);
        var safeguards = scored.Explanation.SafeguardsApplied.Count > 0 ? "; safeguard: " + string.Join("; ", scored.Explanation.SafeguardsApplied) : "";
        return scored.Decision switch
        {
            Match.Scoring.MatchDecision.Review => $"in the review band (probability {probability}): waiting for a person's decision{safeguards}",
            Match.Scoring.MatchDecision.Linked => $"scores as a link today (probability {probability}) but was not linked: a safeguard or a person's decision kept them apart, or the records changed since the refresh{safeguards}",
            _ => $"below the review threshold (probability {probability}){safeguards}",
        };
    }

    private static async Task<HashSet<string>> DecidedDifferentAsync(System.Data.Common.DbConnection connection, string record, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Left, string Right)>(new CommandDefinition(
            "SELECT left_record, right_record FROM match_decision WHERE decision = 'different' AND withdrawn_at IS NULL AND (left_record = @Record OR right_record = @Record)",
            new { Record = record },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.Left == record ? r.Right : r.Left).ToHashSet(StringComparer.Ordinal);
    }

    private static string? Name(RecordRow row) => string.Join(' ', new[] { row.FirstName, row.FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;

    private sealed record RecordRow
    {
        public string Feed { get; init; } = "";
        public string RecordId { get; init; } = "";
        public string? FirstName { get; init; }
        public string? FamilyName { get; init; }
        public string? DateOfBirth { get; init; }
        public string? Postcode { get; init; }
        public string? Address { get; init; }
        public long Restricted { get; init; }
        public string? Kind { get; init; }

        public string Key => $"{Feed}:{RecordId}";
    }
}
