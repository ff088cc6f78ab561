using SingleView.Core.Model;

namespace SingleView.Golden.Survivorship;

/// <summary>Chooses one value for one golden field from the values a person's records hold, and says why.</summary>
internal static class FieldSurvivor
{
    public static FieldLineage? Choose(string field, FieldRule rule, IReadOnlyList<SourcedValue> values, IReadOnlyList<string> defaultOrder)
    {
        if (values.Count == 0) return null;
        int Rank(IReadOnlyList<string> order, string feed)
        {
            var index = -1;
            for (var i = 0; i < order.Count; i++)
            {
                if (order[i] == feed)
                {
                    index = i;
                    break;
                }
            }

            return index >= 0 ? index : order.Count;
        }

        // Every rule ends in the same total order (default order, then feed and record id) so that
        // the choice never depends on the order records arrived in.
        IOrderedEnumerable<SourcedValue> ThenStable(IOrderedEnumerable<SourcedValue> ordered) => ordered
            .ThenBy(v => Rank(defaultOrder, v.Source.Feed))
            .ThenBy(v => v.Source.Feed, StringComparer.Ordinal)
            .ThenBy(v => v.Source.RecordId, StringComparer.Ordinal);

        SourcedValue chosen;
        string because;
        switch (rule.Rule)
        {
            case SurvivorshipRule.SourcePriority:
                chosen = ThenStable(values.OrderBy(v => Rank(rule.Priority, v.Source.Feed)).ThenByDescending(v => v.ExtractDate)).First();
                because = $"source priority: {string.Join(", ", rule.Priority)}";
                break;
            case SurvivorshipRule.MostRecent:
                chosen = ThenStable(values.OrderByDescending(v => v.ExtractDate)).First();
                because = "most recent extract";
                break;
            case SurvivorshipRule.MostFrequent:
                var counts = values.GroupBy(v => v.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                chosen = ThenStable(values.OrderByDescending(v => counts[v.Value])).First();
                because = counts.Count == 1 ? "all sources agree" : $"most frequent value ({counts[chosen.Value]} of {values.Count} records)";
                break;
            default:
                chosen = ThenStable(values.OrderBy(_ => 0)).First();
                because = "first non-empty value in source order";
                break;
        }

        return new FieldLineage
        {
            Field = field,
            Chosen = chosen,
            Rule = because,
            OtherValues = values.Where(v => !ReferenceEquals(v, chosen)).ToList(),
        };
    }
}
