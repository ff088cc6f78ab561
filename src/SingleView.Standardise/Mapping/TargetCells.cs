using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A row's cells by common-model target: trimmed, translated through the feed's values.&lt;target&gt;
/// map, and null when empty or not mapped. Text is kept as text, including cells that start with
/// = + - @: the view escapes what it shows, and the lake keeps what the partner sent.
/// </summary>
internal readonly struct TargetCells(MappingPlan plan, DeliveryRow row)
{
    public string? this[string target]
    {
        get
        {
            var raw = row.Cell(plan.ColumnFor(target))?.Trim();
            if (string.IsNullOrEmpty(raw)) return null;
            raw = plan.Translate(target, raw);
            return raw.Length == 0 ? null : raw;
        }
    }
}
