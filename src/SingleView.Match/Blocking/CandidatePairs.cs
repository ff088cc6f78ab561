using System.Globalization;
using SingleView.Match.Model;
using SingleView.Match.Scoring;

namespace SingleView.Match.Blocking;

/// <summary>A pair of records to compare, and the first blocking rule that brought them together.</summary>
internal readonly record struct CandidatePair(int Left, int Right, string BlockingRule);

/// <summary>
/// Produces candidate pairs: records that agree on every key of at least one blocking rule. Each
/// pair is produced once, however many rules it meets.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>A block this large is a shared placeholder value (e.g. a dummy id), not evidence; it is skipped.</summary>
    public const int MaximumBlockSize = 500;

    public static List<CandidatePair> Generate(IReadOnlyList<PreparedRecord> records, IReadOnlyList<BlockingRule> rules, Action<string>? warn = null)
    {
        var seen = new HashSet<long>();
        var pairs = new List<CandidatePair>();
        foreach (var rule in rules)
        {
            var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                var key = KeyOf(record, rule);
                if (key is null) continue;
                if (!blocks.TryGetValue(key, out var members)) blocks[key] = members = [];
                members.Add(record.Index);
            }

            foreach (var (key, members) in blocks)
            {
                if (members.Count < 2) continue;
                if (members.Count > MaximumBlockSize)
                {
                    warn?.Invoke($"blocking rule '{rule.Name}': {members.Count} records share '{key}'; the block is skipped as a placeholder value");
                    continue;
                }

                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        var (a, b) = members[i] < members[j] ? (members[i], members[j]) : (members[j], members[i]);
                        if (seen.Add(((long)a << 32) | (uint)b)) pairs.Add(new CandidatePair(a, b, rule.Name));
                    }
                }
            }
        }

        return pairs;
    }

    private static string? KeyOf(PreparedRecord record, BlockingRule rule)
    {
        Span<string?> parts = new string?[rule.Keys.Length];
        for (var i = 0; i < rule.Keys.Length; i++)
        {
            var value = rule.Keys[i] switch
            {
                BlockingKey.NhsNumber => record.Record.NhsNumber,
                BlockingKey.Upn => record.Record.Upn,
                BlockingKey.CasePersonId => record.Record.CasePersonId,
                BlockingKey.DateOfBirth => record.DateOfBirthDigits,
                BlockingKey.BirthYear => record.Record.DateOfBirth?.Year.ToString(CultureInfo.InvariantCulture),
                BlockingKey.FirstNameSoundex => record.FirstNameSoundex,
                BlockingKey.FamilyNameSoundex => record.FamilyNameSoundex,
                BlockingKey.Postcode => record.Postcode,
                _ => null,
            };
            if (string.IsNullOrEmpty(value)) return null;
            parts[i] = value;
        }

        return string.Join('\u001F', parts.ToArray());
    }
}
