using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A row's cells by common-model target: trimmed, translated through the feed's values.&lt;target&gt;
/// map, and null when empty or not mapped. Text is kept as text, including cells that start with
/// = + - @: the view escapes what it shows, and the lake keeps what the partner sent.
/// </summary>
internal readonly struct TargetCells(MappingPlan plan, DeliveryRow row)
{
    private readonly RowSlots slots = plan.SlotsFor(row.Layout);

    /// <summary>The cell of a target by its <see cref="Targets"/> number.</summary>
    public string? this[int target] => Cell(slots.Known[target]);

    /// <summary>The cell of the detail target at this position of <see cref="MappingPlan.Details"/>.</summary>
    public string? Detail(int index) => Cell(slots.Details[index]);

    private string? Cell(TargetSlot slot)
    {
        var raw = row.CellAt(slot.Slot)?.Trim();
        if (string.IsNullOrEmpty(raw)) return null;
        if (slot.Values is { } values && values.TryGetValue(raw, out var mapped)) raw = mapped.Trim();
        return raw.Length == 0 ? null : raw;
    }
}
