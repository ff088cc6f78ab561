using SingleView.Core.Evaluation;
using SingleView.Core.Model;

namespace SingleView.Refresh.Evaluation;

/// <summary>The evaluation of the links against a ground truth, with the review queue beside it.</summary>
/// <remarks>
/// Every truth row is counted: a row that was never published (quarantined, or in no delivery in use)
/// is a record of its own that nothing was linked to, so its true pairs are missed pairs.
/// </remarks>
public sealed record EvaluationReport(LinkageFigures Figures, int TruthRows, int UnpublishedTruthRows, int ReviewPairs, int PublishedRecords)
{
    /// <summary>Cluster-level figures: B-cubed precision and recall, and people recovered exactly.</summary>
    public ClusterFigures Clusters { get; init; } = ClusterFigures.Empty;

    /// <summary>Records with neither a name, a date of birth nor an identifier: they stay alone by design.</summary>
    public int Unmatchable { get; init; }

    /// <summary>Truth rows that were published (the rest are <see cref="UnpublishedTruthRows"/>).</summary>
    public int PublishedTruthRows => TruthRows - UnpublishedTruthRows;

    /// <summary>Why truth rows were never published, most frequent reason first (values in quotes left out, so alike reasons add up).</summary>
    public IReadOnlyList<(string Reason, int Rows)> UnpublishedReasons { get; init; } = [];

    /// <summary>Each unpublished truth row and why it was not published.</summary>
    public IReadOnlyDictionary<SourceRecordKey, string> Unpublished { get; init; } = new Dictionary<SourceRecordKey, string>();

    /// <summary>The pairs of people given with <c>--twins</c> that must never merge, and how many were merged; null when none were given.</summary>
    public TwinFigures? DeclaredTwins { get; init; }

    /// <summary>Pairs of one true person that were not linked (up to the list limit).</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> MissedPairs { get; init; } = [];

    /// <summary>Pairs of different true people that were linked (up to the list limit).</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> FalseLinks { get; init; } = [];

    /// <summary>The review queue as a share of the records: the workload it puts on people.</summary>
    public double ReviewShare => PublishedRecords == 0 ? 0 : (double)ReviewPairs / PublishedRecords;
}

/// <summary>
/// Declared twin pairs against the golden records: merged when any record of one shares a golden record
/// with any record of the other; not evaluated when either person has no published record.
/// </summary>
public sealed record TwinFigures(int Pairs, int Merged, int NotEvaluated)
{
    /// <summary>The merged pairs as person ids (up to the list limit).</summary>
    public IReadOnlyList<(string Left, string Right)> MergedPairs { get; init; } = [];
}

/// <summary>A source record and the golden record (cluster) it ended in.</summary>
public readonly record struct ClusteredRecord(SourceRecordKey Key, string GoldenId, DateOnly? DateOfBirth, bool Unmatchable);

/// <summary>The ground truth: for each (feed, record id), the true person and family.</summary>
public sealed class GroundTruth(Dictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> people)
{
    public IReadOnlyDictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> People => people;

    public int Count => people.Count;
}

/// <summary>
/// What is evaluated: the truth, the published records with their golden records, why the other input
/// rows were not published, the review queue and the twin pairs that must never merge. A clean function
/// of these: the serving database, the matcher in memory or a benchmark can all fill it.
/// </summary>
public sealed record EvaluationInput
{
    public required GroundTruth Truth { get; init; }

    public required IReadOnlyList<ClusteredRecord> Published { get; init; }

    /// <summary>Input rows that were not published, with why (a quarantine reason); a truth row in neither list is "in no delivery in use".</summary>
    public IReadOnlyDictionary<SourceRecordKey, string> NotPublished { get; init; } = new Dictionary<SourceRecordKey, string>();

    public int ReviewPairs { get; init; }

    /// <summary>Pairs of person ids (as in the truth) that must never be in one golden record.</summary>
    public IReadOnlyList<(string Left, string Right)> Twins { get; init; } = [];

    /// <summary>How many missed pairs, false links and merged twins a report lists (all are counted).</summary>
    public int ListLimit { get; init; } = TruthEvaluation.DefaultListLimit;
}
