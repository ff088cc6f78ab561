using SingleView.Core.Model;

namespace SingleView.Refresh.Evaluation;

/// <summary>Lists example pairs behind the figures, so a person can look at why they were missed or wrongly linked.</summary>
internal static class PairLister
{
    /// <summary>Pairs of one true person in different golden records, one per split person first so the list is varied.</summary>
    public static List<(SourceRecordKey, SourceRecordKey)> Missed(IReadOnlyList<(SourceRecordKey Key, string GoldenId, string PersonId)> records, int limit) =>
        Across(records, r => r.PersonId, r => r.GoldenId, limit);

    /// <summary>Pairs of different true people in one golden record.</summary>
    public static List<(SourceRecordKey, SourceRecordKey)> FalseLinks(IReadOnlyList<(SourceRecordKey Key, string GoldenId, string PersonId)> records, int limit) =>
        Across(records, r => r.GoldenId, r => r.PersonId, limit);

    /// <summary>Within each group, pairs of records that differ on <paramref name="other"/>.</summary>
    private static List<(SourceRecordKey, SourceRecordKey)> Across(
        IReadOnlyList<(SourceRecordKey Key, string GoldenId, string PersonId)> records,
        Func<(SourceRecordKey Key, string GoldenId, string PersonId), string> group,
        Func<(SourceRecordKey Key, string GoldenId, string PersonId), string> other,
        int limit)
    {
        var result = new List<(SourceRecordKey, SourceRecordKey)>();
        if (limit <= 0) return result;
        foreach (var members in records.GroupBy(group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = members.OrderBy(m => m.Key).ToList();
            for (var i = 0; i < list.Count && result.Count < limit; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (other(list[i]) == other(list[j])) continue;
                    result.Add((list[i].Key, list[j].Key));
                    break;
                }
            }

            if (result.Count >= limit) break;
        }

        return result;
    }
}
