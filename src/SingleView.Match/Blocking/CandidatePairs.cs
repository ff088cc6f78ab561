using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Blocking;

/// <summary>A pair of records to compare (Left &lt; Right), and the first blocking rule that brought them together.</summary>
internal readonly record struct CandidatePair(int Left, int Right, int Rule);

/// <summary>
/// Produces candidate pairs: records that agree on every key of at least one blocking rule. Each
/// pair is produced once, by the first rule it meets (a later rule skips pairs an earlier rule already
/// holds, as Splink does), so no set of seen pairs is needed. Keys are 64-bit hashes worked out once per
/// record and rule; a hash collision only adds a pair to score, never loses one.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>A block this large is a shared placeholder value (e.g. a dummy id), not evidence; it is skipped.</summary>
    public const int MaximumBlockSize = 500;

    public static CandidatePair[] Generate(IReadOnlyList<PreparedRecord> records, IReadOnlyList<BlockingRule> rules, Action<string>? warn = null)
    {
        var keys = new long[rules.Count][];
        Parallel.For(0, rules.Count, r => keys[r] = BlockingKeys.Of(records, rules[r]));
        var perRule = new List<CandidatePair>[rules.Count];
        var warnings = new List<string>[rules.Count];
        Parallel.For(0, rules.Count, r => (perRule[r], warnings[r]) = PairsOf(keys, r, rules[r].Name));
        foreach (var message in warnings.SelectMany(w => w)) warn?.Invoke(message);
        var result = new CandidatePair[perRule.Sum(p => p.Count)];
        var offset = 0;
        foreach (var pairs in perRule)
        {
            pairs.CopyTo(result, offset);
            offset += pairs.Count;
        }

        return result;
    }

    private static (List<CandidatePair>, List<string>) PairsOf(long[][] keys, int rule, string ruleName)
    {
        var ruleKeys = keys[rule];
        var count = 0;
        foreach (var key in ruleKeys)
        {
            if (key != 0) count++;
        }

        var sortedKeys = new long[count];
        var members = new int[count];
        for (int i = 0, n = 0; i < ruleKeys.Length; i++)
        {
            if (ruleKeys[i] == 0) continue;
            sortedKeys[n] = ruleKeys[i];
            members[n++] = i;
        }

        Array.Sort(sortedKeys, members);
        var pairs = new List<CandidatePair>();
        var warnings = new List<string>();
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && sortedKeys[end] == sortedKeys[start]) end++;
            var size = end - start;
            if (size > MaximumBlockSize)
            {
                warnings.Add($"blocking rule '{ruleName}': {size} records share one key; the block is skipped as a placeholder value");
            }
            else if (size > 1)
            {
                // Members are in index order within a block: Array.Sort is unstable, so order them here.
                Array.Sort(members, start, size);
                for (var i = start; i < end; i++)
                {
                    for (var j = i + 1; j < end; j++)
                    {
                        var (a, b) = (members[i], members[j]);
                        if (!MetByEarlierRule(keys, rule, a, b)) pairs.Add(new CandidatePair(a, b, rule));
                    }
                }
            }

            start = end;
        }

        return (pairs, warnings);
    }

    private static bool MetByEarlierRule(long[][] keys, int rule, int a, int b)
    {
        for (var q = 0; q < rule; q++)
        {
            var key = keys[q][a];
            if (key != 0 && key == keys[q][b]) return true;
        }

        return false;
    }
}
