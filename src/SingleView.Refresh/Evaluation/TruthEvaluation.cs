using System.Globalization;
using Dapper;
using SingleView.Core.Configuration;
using SingleView.Core.Evaluation;
using SingleView.Publish;

namespace SingleView.Refresh.Evaluation;

/// <summary>The evaluation of the published links against a ground-truth file, with the review queue beside it.</summary>
public sealed record EvaluationReport(LinkageFigures Figures, int TruthRows, int UnpublishedTruthRows, int ReviewPairs, int PublishedRecords);

/// <summary>
/// Reads a ground-truth CSV (<c>feed,record_id,person_id[,family_id]</c>) and the published source
/// records, and scores the links. The pipeline never reads the truth; only this does.
/// </summary>
public static class TruthEvaluation
{
    public static async Task<EvaluationReport> RunAsync(ServingDatabase database, string truthFile, CancellationToken cancellationToken = default)
    {
        var truth = ReadTruth(truthFile);
        await using var connection = await database.OpenAsync(cancellationToken);
        var published = (await connection.QueryAsync<(string Feed, string RecordId, string GoldenId, string? DateOfBirth)>(
            "SELECT feed, record_id, golden_id, date_of_birth FROM source_record")).ToList();
        var reviewPairs = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM match_pair WHERE decision = 'review'");

        var records = new List<EvaluatedRecord>(published.Count);
        var matched = 0;
        foreach (var row in published)
        {
            if (!truth.TryGetValue((row.Feed, row.RecordId), out var person)) continue;
            matched++;
            DateOnly? dateOfBirth = row.DateOfBirth is null ? null : DateOnly.ParseExact(row.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            records.Add(new EvaluatedRecord(row.GoldenId, person.PersonId, person.FamilyId, dateOfBirth));
        }

        return new EvaluationReport(LinkageEvaluation.Evaluate(records), truth.Count, truth.Count - matched, reviewPairs, published.Count);
    }

    internal static Dictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> ReadTruth(string file)
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

        return truth;
    }
}
