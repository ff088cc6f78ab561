using System.Collections.Concurrent;
using SingleView.Match.Blocking;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Training;

/// <summary>Turns pairs of records into comparison patterns with counts: EM works on thousands of patterns, not millions of pairs.</summary>
internal static class PatternCounter
{
    public static List<ComparisonPattern> Count(MatchModel model, IReadOnlyList<PreparedRecord> records, IReadOnlyList<CandidatePair> pairs) =>
        Count(model, pairs.Count, i => (records[pairs[i].Left], records[pairs[i].Right]));

    public static List<ComparisonPattern> Count(MatchModel model, int pairCount, Func<int, (PreparedRecord Left, PreparedRecord Right)> pairAt)
    {
        var comparisons = model.Comparisons;
        var partials = new ConcurrentBag<Dictionary<long, long>>();
        if (pairCount > 0)
        {
            Parallel.ForEach(Partitioner.Create(0, pairCount, Math.Max(4096, pairCount / 64)), range =>
            {
                var counts = new Dictionary<long, long>();
                Span<int> levels = stackalloc int[comparisons.Length];
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var (left, right) = pairAt(i);
                    LevelEvaluator.Levels(comparisons, left, right, model.Nicknames, levels);
                    long code = 0;
                    for (var k = 0; k < comparisons.Length; k++) code |= (long)(levels[k] + 1) << (5 * k);

                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, code, out _)++;
                }

                partials.Add(counts);
            });
        }

        var merged = new SortedDictionary<long, long>();
        foreach (var partial in partials)
        {
            foreach (var (code, count) in partial) merged[code] = merged.GetValueOrDefault(code) + count;
        }

        return merged.Select(kv => new ComparisonPattern(Decode(kv.Key, comparisons.Length), kv.Value)).ToList();
    }

    private static int[] Decode(long code, int comparisons)
    {
        var levels = new int[comparisons];
        for (var k = 0; k < comparisons; k++) levels[k] = (int)((code >> (5 * k)) & 31) - 1;
        return levels;
    }
}
