using System.Collections.Frozen;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A row's cells by common-model target: trimmed, translated through the feed's values.&lt;target&gt;
/// map, and null when empty or not mapped. Text is kept as text, including cells that start with
/// = + - @: the view escapes what it shows, and the lake keeps what the partner sent.
/// </summary>
internal readonly struct TargetCells(MappingPlan plan, DeliveryRow row)
{
    private readonly FrozenDictionary<string, TargetSlot> slots = plan.SlotsFor(row.Layout);

    public string? this[string target]
    {
        get
        {
            if (!slots.TryGetValue(target, out var slot)) return null;
            var raw = row.CellAt(slot.Slot)?.Trim();
            if (string.IsNullOrEmpty(raw)) return null;
            if (slot.Values is { } values && values.TryGetValue(raw, out var mapped)) raw = mapped.Trim();
            return raw.Length == 0 ? null : raw;
        }
    }
}
