using SingleView.Core.Model;

namespace SingleView.Golden.Survivorship;

/// <summary>Chooses one value for one golden field from the values a person's records hold, and says why.</summary>
internal static class FieldSurvivor
{
    public static FieldLineage? Choose(string field, FieldRule rule, IReadOnlyList<SourcedValue> values, IReadOnlyList<string> defaultOrder) =>
        Choose(field, rule.Rule, [.. rule.Priority], [.. values], [.. defaultOrder], RuleText(rule));

    /// <summary>The words for a rule that do not depend on the values (cached per field by the builder).</summary>
    public static string RuleText(FieldRule rule) => rule.Rule switch
    {
        SurvivorshipRule.SourcePriority => $"source priority: {string.Join(", ", rule.Priority)}",
        SurvivorshipRule.MostRecent => "most recent extract",
        SurvivorshipRule.MostFrequent => "most frequent value",
        _ => "first non-empty value in source order",
    };

    /// <summary>
    /// One pass over the values keeping the best so far: every rule ends in the same total order (default
    /// order, then feed and record id), so the choice never depends on the order records arrived in.
    /// </summary>
    /// <remarks>Arrays, not immutable arrays behind an interface, because this runs a dozen times per person.</remarks>
    public static FieldLineage? Choose(string field, SurvivorshipRule rule, string[] priority, List<SourcedValue> values, string[] defaultOrder, string ruleText)
    {
        if (values.Count == 0) return null;
        var (best, bestCount) = Best(rule, priority, values, defaultOrder);
        var chosen = values[best];
        var because = Because(rule, ruleText, bestCount, values.Count);

        // Most fields of most people have one value: no array for the others then (a million people).
        var others = values.Count == 1 ? [] : new SourcedValue[values.Count - 1];
        for (int i = 0, o = 0; i < values.Count; i++)
        {
            if (i != best) others[o++] = values[i];
        }

        return new FieldLineage { Field = field, Chosen = chosen, Rule = because, OtherValues = others };
    }

    /// <summary>The index of the surviving value among at least one, and (most frequent rule only) how many values equal it.</summary>
    public static (int Best, int Count) Best(SurvivorshipRule rule, string[] priority, List<SourcedValue> values, string[] defaultOrder)
    {
        var frequent = rule == SurvivorshipRule.MostFrequent;
        var best = 0;
        var bestCount = frequent ? CountOf(values, 0) : 0;
        for (var i = 1; i < values.Count; i++)
        {
            var count = frequent ? CountOf(values, i) : 0;
            if (Before(rule, priority, values[i], count, values[best], bestCount, defaultOrder)) (best, bestCount) = (i, count);
        }

        return (best, bestCount);
    }

    /// <summary>Why the value survived: the rule's words, or for the most frequent rule how many agreed.</summary>
    public static string Because(SurvivorshipRule rule, string ruleText, int bestCount, int valueCount)
    {
        if (rule != SurvivorshipRule.MostFrequent) return ruleText;
        return bestCount == valueCount ? "all sources agree" : $"most frequent value ({bestCount} of {valueCount} records)";
    }

    private static bool Before(SurvivorshipRule rule, string[] priority, SourcedValue a, int countA, SourcedValue b, int countB, string[] defaultOrder)
    {
        int order;
        switch (rule)
        {
            case SurvivorshipRule.SourcePriority:
                order = Rank(priority, a.Source.Feed).CompareTo(Rank(priority, b.Source.Feed));
                if (order == 0) order = b.ExtractDate.CompareTo(a.ExtractDate);
                break;
            case SurvivorshipRule.MostRecent:
                order = b.ExtractDate.CompareTo(a.ExtractDate);
                break;
            case SurvivorshipRule.MostFrequent:
                order = countB.CompareTo(countA);
                break;
            default:
                order = 0;
                break;
        }

        if (order == 0) order = Rank(defaultOrder, a.Source.Feed).CompareTo(Rank(defaultOrder, b.Source.Feed));
        if (order == 0) order = string.CompareOrdinal(a.Source.Feed, b.Source.Feed);
        if (order == 0) order = string.CompareOrdinal(a.Source.RecordId, b.Source.RecordId);
        return order < 0;
    }

    /// <summary>How many of the values equal the value at <paramref name="index"/> (a person has few records, so a scan is cheapest).</summary>
    private static int CountOf(List<SourcedValue> values, int index)
    {
        var value = values[index].Value;
        var count = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i].Value, value, StringComparison.Ordinal)) count++;
        }

        return count;
    }

    private static int Rank(string[] order, string feed)
    {
        for (var i = 0; i < order.Length; i++)
        {
            if (string.Equals(order[i], feed, StringComparison.Ordinal)) return i;
        }

        return order.Length;
    }
}
