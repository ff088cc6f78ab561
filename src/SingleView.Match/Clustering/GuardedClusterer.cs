using SingleView.Core.Standardisation;
using SingleView.Match.Scoring;

namespace SingleView.Match.Clustering;

/// <summary>
/// Joins linked pairs into people, strongest link first. A link that would put two different valid
/// NHS numbers or UPNs, or dates of birth too far apart, into one person is refused and sent to review:
/// chains of individually plausible links must not merge two people (A~B, B~C but A≠C).
/// </summary>
internal sealed class GuardedClusterer(int maxDateOfBirthSpreadDays)
{
    public (int[] ClusterOf, List<int> RefusedLinks) Cluster(IReadOnlyList<PreparedRecord> records, IReadOnlyList<(int Left, int Right, double Weight)> links)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
        var identifiers = new HashSet<string>?[records.Count];
        var minDob = new int[records.Count];
        var maxDob = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i].Record;
            // NHS numbers and UPNs never collide (ten digits against a letter and twelve), so one set holds both.
            if (NhsNumber.IsValid(record.NhsNumber)) identifiers[i] = [record.NhsNumber!];
            if (UniquePupilNumber.IsValid(record.Upn)) (identifiers[i] ??= []).Add(record.Upn!);
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
            var identifierConflict = identifiers[a] is { } na && identifiers[b] is { } nb && Conflict(na, nb);
            var low = Math.Min(minDob[a], minDob[b]);
            var high = Math.Max(maxDob[a], maxDob[b]);
            var dobConflict = low != int.MaxValue && high != int.MinValue && high - low > maxDateOfBirthSpreadDays;
            if (identifierConflict || dobConflict)
            {
                refused.Add(linkIndex);
                continue;
            }

            // Union: the smaller index becomes the root so cluster ids do not depend on link order.
            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            if (identifiers[child] is { } moved)
            {
                identifiers[root] ??= [];
                identifiers[root]!.UnionWith(moved);
            }

            minDob[root] = Math.Min(minDob[root], minDob[child]);
            maxDob[root] = Math.Max(maxDob[root], maxDob[child]);
        }

        var clusterOf = new int[records.Count];
        for (var i = 0; i < records.Count; i++) clusterOf[i] = Find(parent, i);
        return (clusterOf, refused);
    }

    /// <summary>Two people with different identifiers of one kind: an NHS number each, or a UPN each, that differ.</summary>
    private static bool Conflict(HashSet<string> a, HashSet<string> b)
    {
        static IEnumerable<string> OfKind(HashSet<string> set, int length) => set.Where(v => v.Length == length);
        foreach (var length in new[] { 10, 13 })
        {
            var left = OfKind(a, length).ToList();
            var right = OfKind(b, length).ToList();
            if (left.Count > 0 && right.Count > 0 && !left.Intersect(right, StringComparer.Ordinal).Any()) return true;
        }

        return false;
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
