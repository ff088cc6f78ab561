using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using SingleView.Core.Configuration;
using SingleView.Core.Evaluation;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Publish;

namespace SingleView.Refresh.Evaluation;

/// <summary>
/// Reads a ground-truth CSV (<c>feed,record_id,person_id[,family_id]</c>) and the published source
/// records, and scores the links. The pipeline never reads the truth; only this does.
/// </summary>
public static partial class TruthEvaluation
{
    /// <summary>How many missed pairs and false links a report lists (all are counted).</summary>
    public const int DefaultListLimit = 50;

    /// <summary>Why a truth row that is neither published nor quarantined in a delivery in use was not published.</summary>
    public const string NotInDeliveryInUse = "in no delivery in use (feed not delivered, delivery held, or row absent)";

    public static async Task<EvaluationReport> RunAsync(ServingDatabase database, string truthFile, CancellationToken cancellationToken = default) =>
        await RunAsync(database, truthFile, DefaultListLimit, cancellationToken);

    public static async Task<EvaluationReport> RunAsync(ServingDatabase database, string truthFile, int listLimit, CancellationToken cancellationToken = default) =>
        Evaluate(await ReadInputAsync(database, ReadTruth(truthFile), new Dictionary<SourceRecordKey, string>(), [], listLimit, cancellationToken));

    /// <summary>
    /// The published run against the truth, with the run's quarantine read from the lake (so a truth row
    /// quarantined says why) and the twin pairs of <paramref name="twinsFile"/> if given.
    /// </summary>
    public static async Task<EvaluationReport> RunAsync(
        ServingDatabase database, string truthFile, string lakeDirectory, IReadOnlyList<FeedDefinition> definitions, string? twinsFile, int listLimit, CancellationToken cancellationToken = default)
    {
        var truth = ReadTruth(truthFile);
        var twins = twinsFile is null ? [] : ReadTwins(twinsFile, truth);
        var deliveries = await RunDeliveries.LoadAsync(database, lakeDirectory, definitions, cancellationToken);
        var quarantined = await deliveries.QuarantinedAsync(definitions, cancellationToken);
        return Evaluate(await ReadInputAsync(database, truth, quarantined, twins, listLimit, cancellationToken));
    }

    private static async Task<EvaluationInput> ReadInputAsync(
        ServingDatabase database, GroundTruth truth, IReadOnlyDictionary<SourceRecordKey, string> notPublished, IReadOnlyList<(string, string)> twins, int listLimit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var published = (await connection.QueryAsync<PublishedRow>(
            "SELECT feed, record_id AS RecordId, golden_id AS GoldenId, date_of_birth AS DateOfBirth, first_name AS FirstName, family_name AS FamilyName, " +
            "nhs_number AS NhsNumber, upn AS Upn, case_person_id AS CasePersonId FROM source_record")).ToList();
        var reviewPairs = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM match_pair WHERE decision = 'review'");

        var records = published.Select(row => new ClusteredRecord(
            new SourceRecordKey(row.Feed, row.RecordId),
            row.GoldenId,
            row.DateOfBirth is null ? null : DateOnly.ParseExact(row.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Unmatchable: row.FirstName is null && row.FamilyName is null && row.DateOfBirth is null && row.NhsNumber is null && row.Upn is null && row.CasePersonId is null)).ToList();
        return new EvaluationInput { Truth = truth, Published = records, NotPublished = notPublished, ReviewPairs = reviewPairs, Twins = twins, ListLimit = listLimit };
    }

    /// <summary>Scores clusters of records (from the serving database or straight from the matcher) against the truth.</summary>
    public static EvaluationReport Evaluate(GroundTruth truth, IEnumerable<ClusteredRecord> clustered, int reviewPairs, int listLimit = DefaultListLimit) =>
        Evaluate(new EvaluationInput { Truth = truth, Published = [.. clustered], ReviewPairs = reviewPairs, ListLimit = listLimit });

    /// <summary>
    /// Scores the published records against every truth row: a truth row not published is a golden record
    /// of its own (nothing was linked to it), so recall is over all the truth, not over what was published.
    /// </summary>
    /// <exception cref="EmptyPublicationException">No truth row was published: there is nothing to score.</exception>
    public static EvaluationReport Evaluate(EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var truth = input.Truth;
        var records = new List<EvaluatedRecord>();
        var keyed = new List<(SourceRecordKey Key, string GoldenId, string PersonId)>();
        var goldenOfPerson = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var unmatchable = 0;
        foreach (var record in input.Published)
        {
            if (record.Unmatchable) unmatchable++;
            if (!truth.People.TryGetValue((record.Key.Feed, record.Key.RecordId), out var person) || !seen.Add((record.Key.Feed, record.Key.RecordId))) continue;
            records.Add(new EvaluatedRecord(record.GoldenId, person.PersonId, person.FamilyId, record.DateOfBirth));
            keyed.Add((record.Key, record.GoldenId, person.PersonId));
            if (!goldenOfPerson.TryGetValue(person.PersonId, out var golden)) goldenOfPerson[person.PersonId] = golden = new HashSet<string>(StringComparer.Ordinal);
            golden.Add(record.GoldenId);
        }

        if (records.Count == 0)
        {
            throw new EmptyPublicationException(input.Published.Count == 0
                ? $"the publication holds no records: nothing to score against {truth.Count} truth rows (run a refresh first)"
                : $"none of the {input.Published.Count} published records is in the truth ({truth.Count} rows): wrong truth file or wrong database?");
        }

        var unpublished = new Dictionary<SourceRecordKey, string>();
        foreach (var ((feed, recordId), person) in truth.People)
        {
            if (seen.Contains((feed, recordId))) continue;
            var key = new SourceRecordKey(feed, recordId);
            unpublished[key] = input.NotPublished.TryGetValue(key, out var reason) ? reason : NotInDeliveryInUse;
            // Its own golden record, so its true pairs count as missed; no date of birth, so it is no twin.
            var golden = "(not published) " + key;
            records.Add(new EvaluatedRecord(golden, person.PersonId, person.FamilyId, null));
            keyed.Add((key, golden, person.PersonId));
        }

        var figures = LinkageEvaluation.Evaluate(records);
        return new EvaluationReport(figures with { GoldenRecords = figures.GoldenRecords - unpublished.Count }, truth.Count, unpublished.Count, input.ReviewPairs, input.Published.Count)
        {
            Clusters = ClusterFigures.Of(keyed.Select(k => (k.GoldenId, k.PersonId)).ToList()),
            Unmatchable = unmatchable,
            Unpublished = unpublished,
            UnpublishedReasons = unpublished.Values.GroupBy(GeneralReason, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            DeclaredTwins = input.Twins.Count == 0 ? null : Twins(input.Twins, goldenOfPerson, input.ListLimit),
            MissedPairs = PairLister.Missed(keyed, input.ListLimit),
            FalseLinks = PairLister.FalseLinks(keyed, input.ListLimit),
        };
    }

    private static TwinFigures Twins(IReadOnlyList<(string Left, string Right)> twins, Dictionary<string, HashSet<string>> goldenOfPerson, int listLimit)
    {
        var merged = new List<(string, string)>();
        var notEvaluated = 0;
        foreach (var (left, right) in twins)
        {
            if (!goldenOfPerson.TryGetValue(left, out var a) || !goldenOfPerson.TryGetValue(right, out var b)) notEvaluated++;
            else if (a.Overlaps(b)) merged.Add((left, right));
        }

        return new TwinFigures(twins.Count, merged.Count, notEvaluated) { MergedPairs = merged.Take(Math.Max(0, listLimit)).ToList() };
    }

    /// <summary>A reason without the values and dates it quotes, so that a thousand bad dates are one reason.</summary>
    private static string GeneralReason(string reason) => IsoDate().Replace(QuotedValue().Replace(reason, "'…'"), "…");

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

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

    /// <summary>
    /// Reads pairs of person ids that must never merge: two comma-separated cells a line. A first line
    /// naming no person of the truth is a header and is skipped.
    /// </summary>
    public static IReadOnlyList<(string Left, string Right)> ReadTwins(string file, GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        if (!File.Exists(file)) throw new ConfigurationException(file, "(file)", "the twins file does not exist");
        var people = truth.People.Values.Select(p => p.PersonId).ToHashSet(StringComparer.Ordinal);
        var pairs = new List<(string, string)>();
        var line = 0;
        foreach (var text in File.ReadLines(file))
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var cells = text.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length < 2 || cells[0].Length == 0 || cells[1].Length == 0) throw new ConfigurationException(file, $"line {line}", "needs two person ids: person_id,other_person_id");
            if (line == 1 && !people.Contains(cells[0]) && !people.Contains(cells[1])) continue;
            pairs.Add((cells[0], cells[1]));
        }

        return pairs;
    }

    private sealed record PublishedRow(string Feed, string RecordId, string GoldenId, string? DateOfBirth, string? FirstName, string? FamilyName, string? NhsNumber, string? Upn, string? CasePersonId);
}

/// <summary>Nothing of the truth was published, so no figure would mean anything (recall would read 1.0 of nothing).</summary>
public sealed class EmptyPublicationException(string message) : Exception(message);
