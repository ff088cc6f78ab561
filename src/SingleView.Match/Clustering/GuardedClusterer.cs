using SingleView.Core.Standardisation;
using SingleView.Match.Scoring;

namespace SingleView.Match.Clustering;

/// <summary>What clustering decided: each record's cluster, and the links it refused (indexes into the links given).</summary>
internal sealed record ClusteringOutcome(int[] ClusterOf, List<int> RefusedLinks, List<int> RefusedMustLinks);

/// <summary>
/// Joins linked pairs into people, people's must-link decisions first, then the strongest link first.
/// A link that would put two different valid NHS numbers or UPNs, dates of birth too far apart, or two
/// records a person said are different people into one cluster is refused (the caller sends it to
/// review): chains of individually plausible links must not merge two people (A~B, B~C but A≠C).
/// </summary>
internal sealed class GuardedClusterer(int maxDateOfBirthSpreadDays)
{
    public (int[] ClusterOf, List<int> RefusedLinks) Cluster(IReadOnlyList<PreparedRecord> records, IReadOnlyList<(int Left, int Right, double Weight)> links)
    {
        var outcome = Cluster(records, links, [], []);
        return (outcome.ClusterOf, outcome.RefusedLinks);
    }

    public ClusteringOutcome Cluster(
        IReadOnlyList<PreparedRecord> records,
        IReadOnlyList<(int Left, int Right, double Weight)> links,
        IReadOnlyList<(int Left, int Right)> mustLink,
        IReadOnlyList<(int Left, int Right)> cannotLink,
        IReadOnlyList<bool>? linkedByIdentifier = null)
    {
        var state = new State(records, maxDateOfBirthSpreadDays, cannotLink);

        // A person's "same person" is applied before any score; only a person's "different people" can stop it.
        var refusedMustLinks = new List<int>();
        for (var i = 0; i < mustLink.Count; i++)
        {
            if (!state.TryJoin(mustLink[i].Left, mustLink[i].Right, applyGuard: false)) refusedMustLinks.Add(i);
        }

        var refused = new List<int>();
        // Strongest first, ties in link order (a total order, so the unstable sort gives one answer).
        var order = new int[links.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (x, y) => links[x].Weight != links[y].Weight ? links[y].Weight.CompareTo(links[x].Weight) : x.CompareTo(y));
        foreach (var linkIndex in order)
        {
            // A link an identifier makes is not held to the dates of birth: one of them is the typo the
            // identifier sees through. Different NHS numbers or UPNs, and a person's "different people", still hold.
            var byIdentifier = linkedByIdentifier is not null && linkedByIdentifier[linkIndex];
            if (!state.TryJoin(links[linkIndex].Left, links[linkIndex].Right, applyGuard: true, checkDatesOfBirth: !byIdentifier)) refused.Add(linkIndex);
        }

        var clusterOf = new int[records.Count];
        for (var i = 0; i < records.Count; i++) clusterOf[i] = state.Find(i);
        return new ClusteringOutcome(clusterOf, refused, refusedMustLinks);
    }

    /// <summary>Union-find with, per cluster root, its identifiers, its date-of-birth range and the records it must never hold.</summary>
    private sealed class State
    {
        private readonly int[] parent;
        private readonly IdentifierSets nhsNumbers;
        private readonly IdentifierSets upns;
        private readonly int[] minDob;
        private readonly int[] maxDob;
        private readonly int[] size;
        private readonly List<int>?[] keptApartFrom;
        private readonly int maxSpread;

        public State(IReadOnlyList<PreparedRecord> records, int maxSpread, IReadOnlyList<(int Left, int Right)> cannotLink)
        {
            this.maxSpread = maxSpread;
            parent = new int[records.Count];
            minDob = new int[records.Count];
            maxDob = new int[records.Count];
            size = new int[records.Count];
            keptApartFrom = new List<int>?[records.Count];
            // Valid NHS numbers and UPNs as numbers (1, 2, … in order of first appearance; 0 for none or invalid).
            var nhsNumberOf = new int[records.Count];
            var upnOf = new int[records.Count];
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            int Number(string value)
            {
                ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, value, out var exists);
                if (!exists) id = numbers.Count;
                return id;
            }

            for (var i = 0; i < records.Count; i++)
            {
                parent[i] = i;
                size[i] = 1;
                var record = records[i].Record;
                if (records[i].NhsNumberValid) nhsNumberOf[i] = Number(record.NhsNumber!);
                if (records[i].UpnValid) upnOf[i] = Number(record.Upn!);
                minDob[i] = record.DateOfBirth?.DayNumber ?? int.MaxValue;
                maxDob[i] = record.DateOfBirth?.DayNumber ?? int.MinValue;
            }

            nhsNumbers = new IdentifierSets(nhsNumberOf);
            upns = new IdentifierSets(upnOf);

            foreach (var (left, right) in cannotLink)
            {
                (keptApartFrom[left] ??= []).Add(right);
                (keptApartFrom[right] ??= []).Add(left);
            }
        }

        public bool TryJoin(int left, int right, bool applyGuard, bool checkDatesOfBirth = true)
        {
            var a = Find(left);
            var b = Find(right);
            if (a == b) return true;
            if (KeptApart(a, b)) return false;
            if (applyGuard && (IdentifierConflict(a, b) || (checkDatesOfBirth && DateOfBirthConflict(a, b)))) return false;
            // An identifier saw through a mistyped date of birth: the typo must not widen the person's
            // range, or it would turn away every later link of theirs that carries the right date.
            var seenThrough = applyGuard && !checkDatesOfBirth && DateOfBirthConflict(a, b);
            var keptRange = size[a] >= size[b] ? a : b;

            // Union: the smaller index becomes the root so cluster ids do not depend on link order.
            var (root, child) = a < b ? (a, b) : (b, a);
            parent[child] = root;
            nhsNumbers.Merge(root, child);
            upns.Merge(root, child);

            if (keptApartFrom[child] is { } apart) (keptApartFrom[root] ??= []).AddRange(apart);
            if (seenThrough)
            {
                (minDob[root], maxDob[root]) = (minDob[keptRange], maxDob[keptRange]);
            }
            else
            {
                minDob[root] = Math.Min(minDob[root], minDob[child]);
                maxDob[root] = Math.Max(maxDob[root], maxDob[child]);
            }

            size[root] += size[child];
            return true;
        }

        public int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        private bool KeptApart(int a, int b)
        {
            // Few records carry a person's "keep apart", so walking the smaller list is cheap.
            if (keptApartFrom[a] is { } fromA && fromA.Exists(r => Find(r) == b)) return true;
            return keptApartFrom[b] is { } fromB && fromB.Exists(r => Find(r) == a);
        }

        /// <summary>Two people with different identifiers of one kind: an NHS number each, or a UPN each, that differ.</summary>
        private bool IdentifierConflict(int a, int b) => nhsNumbers.Conflict(a, b) || upns.Conflict(a, b);

        private bool DateOfBirthConflict(int a, int b)
        {
            var low = Math.Min(minDob[a], minDob[b]);
            var high = Math.Max(maxDob[a], maxDob[b]);
            return low != int.MaxValue && high != int.MinValue && high - low > maxSpread;
        }
    }
}
