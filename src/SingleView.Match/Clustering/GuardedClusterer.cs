using SingleView.Core.Standardisation;
using SingleView.Match.Scoring;

namespace SingleView.Match.Clustering;

/// <summary>
/// Joins linked pairs into people, strongest link first. A link that would put two different valid
/// NHS numbers, or dates of birth too far apart, into one person is refused and sent to review:
/// chains of individually plausible links must not merge two people (A~B, B~C but A≠C).
/// </summary>
internal sealed class GuardedClusterer(int maxDateOfBirthSpreadDays)
{
    public (int[] ClusterOf, List<int> RefusedLinks) Cluster(IReadOnlyList<PreparedRecord> records, IReadOnlyList<(int Left, int Right, double Weight)> links)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
        var nhs = new HashSet<string>?[records.Count];
        var minDob = new int[records.Count];
        var maxDob = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i].Record;
            if (NhsNumber.IsValid(record.NhsNumber)) nhs[i] = [record.NhsNumber!];
            minDob[i] = record.DateOfBirth?.DayNumber ?? int.MaxValue;
            maxDob[i] = record.DateOfBirth?.DayNumber ?? int.MinValue;
        }

        var refused = new List<int>();
        var order = Enumerable.Range(0, links.Count).OrderByDescending(i => links[i].Weight).ThenBy(i => i);
        foreach (var linkIndex in order)
        {
            var a = Find(parent, links[linkIndex].Left);
            var b = Find(parent, links[linkIndex].Right);
            if (a == b) continue;
            var nhsConflict = nhs[a] is { } na && nhs[b] is { } nb && !na.SetEquals(nb) && (na.Count + nb.Count > 1);
            var low = Math.Min(minDob[a], minDob[b]);
            var high = Math.Max(maxDob[a], maxDob[b]);
            var dobConflict = low != int.MaxValue && high != int.MinValue && high - low > maxDateOfBirthSpreadDays;
            if (nhsConflict || dobConflict)
            {
                refused.Add(linkIndex);
                continue;
            }

            // Union: the smaller index becomes the root so cluster ids do not depend on link order.
            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            if (nhs[child] is { } moved)
            {
                nhs[root] ??= [];
                nhs[root]!.UnionWith(moved);
            }

            minDob[root] = Math.Min(minDob[root], minDob[child]);
            maxDob[root] = Math.Max(maxDob[root], maxDob[child]);
        }

        var clusterOf = new int[records.Count];
        for (var i = 0; i < records.Count; i++) clusterOf[i] = Find(parent, i);
        return (clusterOf, refused);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
