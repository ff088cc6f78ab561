using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SingleView.Core.Model;

namespace SingleView.Golden.Identity;

/// <summary>
/// Gives tonight's people their golden IDs so that an ID follows its person from night to night:
/// <list type="bullet">
/// <item>a person keeps their ID as records are added, changed or removed;</item>
/// <item>when people merge, the larger previous person's ID survives (then the older, then the ordinally
/// smaller) and the others are retired and redirect to it;</item>
/// <item>when a person splits, the part holding most of their previous records keeps the ID (ties: the part
/// whose smallest record key is smaller) and the other parts get new IDs;</item>
/// <item>a new person gets an ID never used before, derived from their smallest record key so that runs
/// are reproducible; the one exception is a retired person whose records all went and whose first record
/// comes back: they get their own ID back.</item>
/// </list>
/// Redirects always point one step to a live ID (old redirects are re-pointed when their target merges),
/// and a live ID never has a redirect, so following them never loops. Pure: no I/O, no clock.
/// </summary>
public static class GoldenIdAssigner
{
    public static GoldenIdAssignment Assign(IReadOnlyList<IReadOnlyList<SourceRecordKey>> clusters, GoldenIdHistory history)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(history);
        var membership = history.Membership;
        var previousSize = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in membership.Values) CollectionsMarshal.GetValueRefOrAddDefault(previousSize, id, out _)++;

        // 1. Which previous person each cluster overlaps, and which cluster inherits each previous ID.
        var anchors = new SourceRecordKey[clusters.Count];
        var overlaps = new (string Id, int Count)[clusters.Count][];
        var heirOf = new Dictionary<string, (int Cluster, int Count)>(StringComparer.Ordinal);
        var carriedOver = 0;
        for (var c = 0; c < clusters.Count; c++)
        {
            var members = clusters[c];
            if (members.Count == 0) throw new ArgumentException($"Cluster {c} has no records.", nameof(clusters));
            anchors[c] = Smallest(members);
            overlaps[c] = Overlaps(members, membership);
            foreach (var (id, count) in overlaps[c])
            {
                carriedOver += count;
                if (!heirOf.TryGetValue(id, out var heir) || count > heir.Count || (count == heir.Count && anchors[c] < anchors[heir.Cluster]))
                {
                    heirOf[id] = (c, count);
                }
            }
        }

        // 2. Clusters that inherit one previous ID keep it; those inheriting several are merges.
        var ids = new string?[clusters.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var absorbed = new Dictionary<int, List<string>>();
        var retiredInto = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            string? best = null;
            List<string>? others = null;
            foreach (var (id, _) in overlaps[c])
            {
                if (heirOf[id].Cluster != c) continue;
                if (best is null)
                {
                    best = id;
                    continue;
                }

                others ??= [];
                if (Survives(id, best, previousSize, history.Issued))
                {
                    others.Add(best);
                    best = id;
                }
                else
                {
                    others.Add(id);
                }
            }

            if (best is null) continue;
            ids[c] = best;
            taken.Add(best);
            if (others is null) continue;
            others.Sort(StringComparer.Ordinal);
            absorbed[c] = others;
            foreach (var other in others) retiredInto[other] = best;
        }

        // 3. New people, in order of their smallest record so the IDs do not depend on cluster order.
        var returned = new HashSet<int>();
        var newClusters = Enumerable.Range(0, clusters.Count).Where(c => ids[c] is null).OrderBy(c => anchors[c]).ToList();
        foreach (var c in newClusters)
        {
            var candidate = GoldenIdFor(anchors[c]);
            if (CanReturn(candidate, history, previousSize, taken))
            {
                returned.Add(c);
            }
            else
            {
                for (var attempt = 1; !IsFresh(candidate, history, previousSize, taken); attempt++)
                {
                    candidate = GoldenIdFor(anchors[c], attempt);
                }
            }

            ids[c] = candidate;
            taken.Add(candidate);
        }

        var finalIds = ids.Select(id => id!).ToList();
        return new GoldenIdAssignment
        {
            Ids = finalIds,
            Redirects = Redirects(history, retiredInto),
            RedirectsRemoved = taken.Where(history.Redirects.ContainsKey).Order(StringComparer.Ordinal).ToList(),
            Events = Events(clusters, history, finalIds, overlaps, heirOf, absorbed, returned, carriedOver),
        };
    }

    /// <summary>The ID a new person anchored on <paramref name="anchor"/> is offered first (attempt 0), then the next ones.</summary>
    public static string GoldenIdFor(SourceRecordKey anchor, int attempt = 0)
    {
        var text = attempt == 0 ? anchor.ToString() : $"{anchor}#{attempt}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "P" + Convert.ToHexString(hash, 0, 6);
    }

    private static SourceRecordKey Smallest(IReadOnlyList<SourceRecordKey> members)
    {
        var smallest = members[0];
        for (var i = 1; i < members.Count; i++)
        {
            if (members[i] < smallest) smallest = members[i];
        }

        return smallest;
    }

    private static (string Id, int Count)[] Overlaps(IReadOnlyList<SourceRecordKey> members, IReadOnlyDictionary<SourceRecordKey, string> membership)
    {
        // Most people are one previous person unchanged: count without a dictionary until that stops being true.
        string? single = null;
        var count = 0;
        Dictionary<string, int>? many = null;
        foreach (var member in members)
        {
            if (!membership.TryGetValue(member, out var id)) continue;
            if (many is null && (single is null || single == id))
            {
                single = id;
                count++;
                continue;
            }

            many ??= new Dictionary<string, int>(StringComparer.Ordinal) { [single!] = count };
            CollectionsMarshal.GetValueRefOrAddDefault(many, id, out _)++;
        }

        if (many is not null) return many.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        return single is null ? [] : [(single, count)];
    }

    /// <summary>True when <paramref name="challenger"/> should survive a merge with <paramref name="holder"/>.</summary>
    private static bool Survives(string challenger, string holder, Dictionary<string, int> previousSize, IReadOnlyDictionary<string, string?> issued)
    {
        var bySize = previousSize[challenger].CompareTo(previousSize[holder]);
        if (bySize != 0) return bySize > 0;
        var byAge = string.CompareOrdinal(issued.GetValueOrDefault(challenger) ?? string.Empty, issued.GetValueOrDefault(holder) ?? string.Empty);
        if (byAge != 0) return byAge < 0;
        return string.CompareOrdinal(challenger, holder) < 0;
    }

    private static bool IsFresh(string id, GoldenIdHistory history, Dictionary<string, int> previousSize, HashSet<string> taken) =>
        !taken.Contains(id) && !previousSize.ContainsKey(id) && !history.Issued.ContainsKey(id) && !history.Redirects.ContainsKey(id);

    /// <summary>An ID issued before, whose person has no records and was not merged away, may go back to its anchor record.</summary>
    private static bool CanReturn(string id, GoldenIdHistory history, Dictionary<string, int> previousSize, HashSet<string> taken) =>
        history.Issued.ContainsKey(id) && !taken.Contains(id) && !previousSize.ContainsKey(id) && !history.Redirects.ContainsKey(id);

    private static List<GoldenIdRedirect> Redirects(GoldenIdHistory history, Dictionary<string, string> retiredInto)
    {
        var redirects = retiredInto
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new GoldenIdRedirect(p.Key, p.Value, "merged"))
            .ToList();
        if (retiredInto.Count == 0) return redirects;

        // Earlier redirects to an ID retired tonight now lead straight to its survivor: one step, no chains.
        foreach (var (old, target) in history.Redirects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (retiredInto.TryGetValue(target, out var survivor) && old != survivor)
            {
                redirects.Add(new GoldenIdRedirect(old, survivor, $"merged; {target} merged into {survivor}"));
            }
        }

        return redirects;
    }

    private static List<GoldenIdEvent> Events(
        IReadOnlyList<IReadOnlyList<SourceRecordKey>> clusters,
        GoldenIdHistory history,
        List<string> ids,
        (string Id, int Count)[][] overlaps,
        Dictionary<string, (int Cluster, int Count)> heirOf,
        Dictionary<int, List<string>> absorbed,
        HashSet<int> returned,
        int carriedOver)
    {
        var events = new List<GoldenIdEvent>();
        var membership = history.Membership;
        for (var c = 0; c < clusters.Count; c++)
        {
            var id = ids[c];
            var members = clusters[c];
            var isNew = overlaps[c].All(o => heirOf[o.Id].Cluster != c);
            if (!isNew && overlaps[c].Length == 1 && overlaps[c][0].Count == members.Count) continue;

            if (isNew)
            {
                events.Add(new GoldenIdEvent(id, returned.Contains(c) ? GoldenIdEventKind.Returned : GoldenIdEventKind.Created, null, Sorted(members)));
                foreach (var (from, _) in overlaps[c])
                {
                    var part = Sorted(members.Where(m => membership.GetValueOrDefault(m) == from));
                    events.Add(new GoldenIdEvent(from, GoldenIdEventKind.Split, id, part));
                    events.Add(new GoldenIdEvent(id, GoldenIdEventKind.SplitFrom, from, part));
                }

                continue;
            }

            var merged = absorbed.GetValueOrDefault(c) ?? [];
            foreach (var other in merged)
            {
                var part = Sorted(members.Where(m => membership.GetValueOrDefault(m) == other));
                events.Add(new GoldenIdEvent(other, GoldenIdEventKind.MergedInto, id, part));
                events.Add(new GoldenIdEvent(id, GoldenIdEventKind.Absorbed, other, part));
            }

            var added = Sorted(members.Where(m => !membership.TryGetValue(m, out var from) || (from != id && !merged.Contains(from))));
            if (added.Count > 0) events.Add(new GoldenIdEvent(id, GoldenIdEventKind.RecordsAdded, null, added));
            foreach (var (from, _) in overlaps[c])
            {
                if (from == id || merged.Contains(from)) continue;
                var part = Sorted(members.Where(m => membership.GetValueOrDefault(m) == from));
                events.Add(new GoldenIdEvent(from, GoldenIdEventKind.RecordsRemoved, id, part));
            }
        }

        // Records gone from every feed: removed from their person, or the person retired when none are left.
        if (carriedOver < membership.Count)
        {
            var tonight = new HashSet<SourceRecordKey>(clusters.SelectMany(c => c));
            var gone = membership.Where(p => !tonight.Contains(p.Key))
                .GroupBy(p => p.Value, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in gone)
            {
                var kind = heirOf.ContainsKey(group.Key) ? GoldenIdEventKind.RecordsRemoved : GoldenIdEventKind.Retired;
                events.Add(new GoldenIdEvent(group.Key, kind, null, Sorted(group.Select(p => p.Key))));
            }
        }

        return events;
    }

    private static List<SourceRecordKey> Sorted(IEnumerable<SourceRecordKey> keys)
    {
        var list = keys.ToList();
        list.Sort();
        return list;
    }
}
