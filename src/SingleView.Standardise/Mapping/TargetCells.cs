using SingleView.Ingest.Definitions;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A row's cells by common-model target: trimmed, translated through the feed's values.&lt;target&gt;
/// map, and null when empty or not mapped. Text is kept as text, including cells that start with
/// = + - @: the view escapes what it shows, and the lake keeps what the partner sent.
/// </summary>
internal readonly struct TargetCells(FeedDefinition definition, DeliveryRow row)
{
    public string? this[string target]
    {
        get
        {
            var raw = row.Cell(definition.ColumnFor(target))?.Trim();
            if (string.IsNullOrEmpty(raw)) return null;
            if (definition.Values.TryGetValue(target, out var map) && map.TryGetValue(raw, out var mapped)) raw = mapped.Trim();
            return raw.Length == 0 ? null : raw;
        }
    }
}
