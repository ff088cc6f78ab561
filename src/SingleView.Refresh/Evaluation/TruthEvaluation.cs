using System.Globalization;
using Dapper;
using SingleView.Core.Configuration;
using SingleView.Core.Evaluation;
using SingleView.Core.Model;
using SingleView.Publish;

namespace SingleView.Refresh.Evaluation;

/// <summary>
/// Reads a ground-truth CSV (<c>feed,record_id,person_id[,family_id]</c>) and the published source
/// records, and scores the links. The pipeline never reads the truth; only this does.
/// </summary>
public static class TruthEvaluation
{
    /// <summary>How many missed pairs and false links a report lists (all are counted).</summary>
    public const int DefaultListLimit = 50;

    public static async Task<EvaluationReport> RunAsync(ServingDatabase database, string truthFile, CancellationToken cancellationToken = default) =>
        await RunAsync(database, truthFile, DefaultListLimit, cancellationToken);

    public static async Task<EvaluationReport> RunAsync(ServingDatabase database, string truthFile, int listLimit, CancellationToken cancellationToken = default)
    {
        var truth = ReadTruth(truthFile);
        await using var connection = await database.OpenAsync(cancellationToken);
        var published = (await connection.QueryAsync<PublishedRow>(
            "SELECT feed, record_id AS RecordId, golden_id AS GoldenId, date_of_birth AS DateOfBirth, first_name AS FirstName, family_name AS FamilyName, " +
            "nhs_number AS NhsNumber, upn AS Upn, case_person_id AS CasePersonId FROM source_record")).ToList();
        var reviewPairs = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM match_pair WHERE decision = 'review'");

        var records = published.Select(row => new ClusteredRecord(
            new SourceRecordKey(row.Feed, row.RecordId),
            row.GoldenId,
            row.DateOfBirth is null ? null : DateOnly.ParseExact(row.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Unmatchable: row.FirstName is null && row.FamilyName is null && row.DateOfBirth is null && row.NhsNumber is null && row.Upn is null && row.CasePersonId is null));
        return Evaluate(truth, records, reviewPairs, listLimit);
    }

    /// <summary>Scores clusters of records (from the serving database or straight from the matcher) against the truth.</summary>
    public static EvaluationReport Evaluate(GroundTruth truth, IEnumerable<ClusteredRecord> clustered, int reviewPairs, int listLimit = DefaultListLimit)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var records = new List<EvaluatedRecord>();
        var keyed = new List<(SourceRecordKey Key, string GoldenId, string PersonId)>();
        var published = 0;
        var unmatchable = 0;
        foreach (var record in clustered)
        {
            published++;
            if (record.Unmatchable) unmatchable++;
            if (!truth.People.TryGetValue((record.Key.Feed, record.Key.RecordId), out var person)) continue;
            records.Add(new EvaluatedRecord(record.GoldenId, person.PersonId, person.FamilyId, record.DateOfBirth));
            keyed.Add((record.Key, record.GoldenId, person.PersonId));
        }

        return new EvaluationReport(LinkageEvaluation.Evaluate(records), truth.Count, truth.Count - records.Count, reviewPairs, published)
        {
            Clusters = ClusterFigures.Of(keyed.Select(k => (k.GoldenId, k.PersonId)).ToList()),
            Unmatchable = unmatchable,
            MissedPairs = PairLister.Missed(keyed, listLimit),
            FalseLinks = PairLister.FalseLinks(keyed, listLimit),
        };
    }

    public static GroundTruth ReadTruth(string file)
    {
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "the ground-truth file does not exist");
        var truth = new Dictionary<(string, string), (string, string?)>();
        using var reader = new StreamReader(file);
        var header = (reader.ReadLine() ?? string.Empty).Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name, bool required)
        {
            var index = header.IndexOf(name);
            if (index < 0 && required) throw new ConfigurationException(file, name, "the header has no such column (feed,record_id,person_id[,family_id])");
            return index;
        }

        var (feed, recordId, personId, familyId) = (Column("feed", true), Column("record_id", true), Column("person_id", true), Column("family_id", false));
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length < header.Count) throw new ConfigurationException(file, $"line {line}", $"has {cells.Length} cells, the header {header.Count}");
            truth[(cells[feed], cells[recordId])] = (cells[personId], familyId >= 0 && cells[familyId].Length > 0 ? cells[familyId] : null);
        }

        return new GroundTruth(truth);
    }

    private sealed record PublishedRow(string Feed, string RecordId, string GoldenId, string? DateOfBirth, string? FirstName, string? FamilyName, string? NhsNumber, string? Upn, string? CasePersonId);
}
