using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Blocking;

/// <summary>A pair of records to compare (Left &lt; Right), and the first blocking rule that brought them together.</summary>
internal readonly record struct CandidatePair(int Left, int Right, int Rule);

/// <summary>
/// Produces candidate pairs: records that agree on every key of at least one blocking rule. Each
/// pair is produced once, by the first rule it meets (a later rule skips pairs an earlier rule already
/// holds, as Splink does), so no set of seen pairs is needed. Keys are 64-bit hashes worked out once per
/// record and rule; a hash collision only adds a pair to score, never loses one. The match engine walks
/// <see cref="CandidateBlocks"/> instead of holding every pair; training, on a sample, takes the list.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>A block this large is a shared placeholder value (e.g. a dummy id), not evidence; it is skipped.</summary>
    public const int MaximumBlockSize = 500;

    public static CandidatePair[] Generate(IReadOnlyList<PreparedRecord> records, IReadOnlyList<BlockingRule> rules, Action<string>? warn = null)
    {
        var blocks = CandidateBlocks.Build(records, rules, warn);
        var pairs = new List<CandidatePair>();
        for (var block = 0; block < blocks.Count; block++)
        {
            var members = blocks.Members(block, out var rule);
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    if (!blocks.MetByEarlierRule(rule, members[i], members[j])) pairs.Add(new CandidatePair(members[i], members[j], rule));
                }
            }
        }

        return [.. pairs];
    }
}
