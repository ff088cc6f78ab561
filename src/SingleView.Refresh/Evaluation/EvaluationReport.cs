using SingleView.Core.Evaluation;
using SingleView.Core.Model;

namespace SingleView.Refresh.Evaluation;

/// <summary>The evaluation of the links against a ground truth, with the review queue beside it.</summary>
public sealed record EvaluationReport(LinkageFigures Figures, int TruthRows, int UnpublishedTruthRows, int ReviewPairs, int PublishedRecords)
{
    /// <summary>Cluster-level figures: B-cubed precision and recall, and people recovered exactly.</summary>
    public ClusterFigures Clusters { get; init; } = ClusterFigures.Empty;

    /// <summary>Records with neither a name, a date of birth nor an identifier: they stay alone by design.</summary>
    public int Unmatchable { get; init; }

    /// <summary>Pairs of one true person that were not linked (up to the list limit).</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> MissedPairs { get; init; } = [];

    /// <summary>Pairs of different true people that were linked (up to the list limit).</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> FalseLinks { get; init; } = [];

    /// <summary>The review queue as a share of the records: the workload it puts on people.</summary>
    public double ReviewShare => PublishedRecords == 0 ? 0 : (double)ReviewPairs / PublishedRecords;
}

/// <summary>A source record and the golden record (cluster) it ended in.</summary>
public readonly record struct ClusteredRecord(SourceRecordKey Key, string GoldenId, DateOnly? DateOfBirth, bool Unmatchable);

/// <summary>The ground truth: for each (feed, record id), the true person and family.</summary>
public sealed class GroundTruth(Dictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> people)
{
    public IReadOnlyDictionary<(string Feed, string RecordId), (string PersonId, string? FamilyId)> People => people;

    public int Count => people.Count;
}
