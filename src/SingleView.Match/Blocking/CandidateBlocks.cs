using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Blocking;

/// <summary>
/// The blocks of every blocking rule: records sorted by the rule's 64-bit key, each run of equal keys
/// one block with its members in index order. The pairs are not materialised (a million records give
/// tens of millions of them): a caller walks each block's pairs and skips, with
/// <see cref="MetByEarlierRule"/>, those an earlier rule already holds, so each pair is met once.
/// </summary>
internal sealed class CandidateBlocks
{
    private readonly long[] keyRows;
    private readonly int ruleCount;
    private readonly int[][] members;
    private readonly (int Rule, int Start, int End)[] blocks;

    private CandidateBlocks(long[] keyRows, int ruleCount, int[][] members, (int Rule, int Start, int End)[] blocks)
    {
        this.keyRows = keyRows;
        this.ruleCount = ruleCount;
        this.members = members;
        this.blocks = blocks;
    }

    /// <summary>Blocks in rule order, then key order; a block over <see cref="CandidatePairs.MaximumBlockSize"/> is skipped with a warning.</summary>
    public static CandidateBlocks Build(IReadOnlyList<PreparedRecord> records, IReadOnlyList<BlockingRule> rules, Action<string>? warn = null)
    {
        var ruleCount = rules.Count;
        // One row of keys per record, so that checking the earlier rules for a pair reads two short runs of memory.
        var keyRows = new long[records.Count * ruleCount];
        Parallel.For(0, records.Count, i =>
        {
            for (var r = 0; r < ruleCount; r++) keyRows[(i * ruleCount) + r] = BlockingKeys.KeyOf(records[i], rules[r]);
        });

        var members = new int[ruleCount][];
        var perRule = new List<(int, int, int)>[ruleCount];
        var warnings = new List<string>[ruleCount];
        Parallel.For(0, ruleCount, r => (members[r], perRule[r], warnings[r]) = BlocksOf(keyRows, ruleCount, records.Count, r, rules[r].Name));
        foreach (var message in warnings.SelectMany(w => w)) warn?.Invoke(message);
        return new CandidateBlocks(keyRows, ruleCount, members, [.. perRule.SelectMany(b => b)]);
    }

    public int Count => blocks.Length;

    /// <summary>The members of a block, in index order, and the rule that made it.</summary>
    public ReadOnlySpan<int> Members(int block, out int rule)
    {
        var (r, start, end) = blocks[block];
        rule = r;
        return members[r].AsSpan(start, end - start);
    }

    public int RuleCount => ruleCount;

    /// <summary>Copies the key rows of <paramref name="members"/> side by side into <paramref name="rows"/>, for <see cref="MetByEarlierRule(ReadOnlySpan{long}, int, int, int, int)"/> on a block without a cache miss per pair.</summary>
    public void CopyKeyRows(ReadOnlySpan<int> members, Span<long> rows)
    {
        for (var i = 0; i < members.Length; i++) keyRows.AsSpan(members[i] * ruleCount, ruleCount).CopyTo(rows.Slice(i * ruleCount, ruleCount));
    }

    /// <summary>As <see cref="MetByEarlierRule(int, int, int)"/>, on rows copied by <see cref="CopyKeyRows"/> (<paramref name="a"/> and <paramref name="b"/> are positions in the block).</summary>
    public static bool MetByEarlierRule(ReadOnlySpan<long> rows, int ruleCount, int rule, int a, int b)
    {
        var rowA = a * ruleCount;
        var rowB = b * ruleCount;
        for (var q = 0; q < rule; q++)
        {
            var key = rows[rowA + q];
            if (key != 0 && key == rows[rowB + q]) return true;
        }

        return false;
    }

    /// <summary>True when an earlier rule than <paramref name="rule"/> puts records <paramref name="a"/> and <paramref name="b"/> in one block.</summary>
    public bool MetByEarlierRule(int rule, int a, int b)
    {
        var rowA = a * ruleCount;
        var rowB = b * ruleCount;
        for (var q = 0; q < rule; q++)
        {
            var key = keyRows[rowA + q];
            if (key != 0 && key == keyRows[rowB + q]) return true;
        }

        return false;
    }

    private static (int[] Members, List<(int, int, int)> Blocks, List<string> Warnings) BlocksOf(long[] keyRows, int ruleCount, int recordCount, int rule, string ruleName)
    {
        var count = 0;
        for (var i = 0; i < recordCount; i++)
        {
            if (keyRows[(i * ruleCount) + rule] != 0) count++;
        }

        var sortedKeys = new long[count];
        var members = new int[count];
        for (int i = 0, n = 0; i < recordCount; i++)
        {
            var key = keyRows[(i * ruleCount) + rule];
            if (key == 0) continue;
            sortedKeys[n] = key;
            members[n++] = i;
        }

        Array.Sort(sortedKeys, members);
        var blocks = new List<(int, int, int)>();
        var warnings = new List<string>();
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && sortedKeys[end] == sortedKeys[start]) end++;
            var size = end - start;
            if (size > CandidatePairs.MaximumBlockSize)
            {
                warnings.Add($"blocking rule '{ruleName}': {size} records share one key; the block is skipped as a placeholder value");
            }
            else if (size > 1)
            {
                // Members are in index order within a block: Array.Sort is unstable, so order them here.
                Array.Sort(members, start, size);
                blocks.Add((rule, start, end));
            }

            start = end;
        }

        return (members, blocks, warnings);
    }
}
