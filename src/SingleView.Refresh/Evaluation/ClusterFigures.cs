namespace SingleView.Refresh.Evaluation;

/// <summary>
/// B-cubed precision and recall: for each record, the share of its golden record that is truly the same
/// person, and the share of its true person that landed in its golden record, averaged over records.
/// Unlike pairwise figures they do not let one large person outweigh many small ones.
/// </summary>
public sealed record ClusterFigures(double BCubedPrecision, double BCubedRecall, int GoldenRecordsMixingPeople, int PeopleSplitAcrossGoldenRecords)
{
    public static ClusterFigures Empty { get; } = new(1, 1, 0, 0);

    public double BCubedF1 => BCubedPrecision + BCubedRecall == 0 ? 0 : 2 * BCubedPrecision * BCubedRecall / (BCubedPrecision + BCubedRecall);

    internal static ClusterFigures Of(IReadOnlyList<(string GoldenId, string PersonId)> records)
    {
        if (records.Count == 0) return Empty;
        var goldenSize = records.GroupBy(r => r.GoldenId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var personSize = records.GroupBy(r => r.PersonId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var overlap = records.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        double precision = 0, recall = 0;
        foreach (var record in records)
        {
            var both = overlap[record];
            precision += (double)both / goldenSize[record.GoldenId];
            recall += (double)both / personSize[record.PersonId];
        }

        var mixing = records.GroupBy(r => r.GoldenId, StringComparer.Ordinal).Count(g => g.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count() > 1);
        var split = records.GroupBy(r => r.PersonId, StringComparer.Ordinal).Count(g => g.Select(r => r.GoldenId).Distinct(StringComparer.Ordinal).Count() > 1);
        return new ClusterFigures(precision / records.Count, recall / records.Count, mixing, split);
    }
}
