using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A row's cells by common-model target: trimmed, translated through the feed's values.&lt;target&gt;
/// map, and null (or empty text) when empty or not mapped. Text is kept as text, including cells that
/// start with = + - @: the view escapes what it shows, and the lake keeps what the partner sent.
/// </summary>
internal readonly struct TargetCells(MappingPlan plan, DeliveryRow row)
{
    private readonly RowSlots slots = plan.SlotsFor(row.Layout);
    private readonly DeliveryRow row = row;

    /// <summary>The cell of a target by its <see cref="Targets"/> number.</summary>
    public string? this[int target] => Cell(slots.Known[target]);

    /// <summary>
    /// The same cell as characters, without making a string: for a target that is only parsed (dates,
    /// codes, digits, yes/no). Empty where <see cref="this[int]"/> is null.
    /// </summary>
    public ReadOnlySpan<char> Text(int target) => Text(slots.Known[target]);

    /// <summary>The cell of the detail target at this position of <see cref="MappingPlan.Details"/>.</summary>
    public string? Detail(int index) => Cell(slots.Details[index]);

    /// <summary>The cell of the named identifier at this position of <see cref="MappingPlan.IdentifierTargets"/>.</summary>
    public string? Identifier(int index) => Cell(slots.Identifiers[index]);

    private string? Cell(TargetSlot slot)
    {
        if (slot.Joined is not null) return Joined(slot);
        var raw = row.TextAt(slot.Slot).Trim();
        if (raw.IsEmpty) return null;
        if (slot.Values is not null && slot.ValueLookup.TryGetValue(raw, out var mapped))
        {
            var translated = mapped.Trim();
            return translated.Length == 0 ? null : translated;
        }

        return row.Intern(slot.Slot, raw);
    }

    // The columns' cells trimmed and joined with one space, blanks skipped; then translated as one value.
    private string? Joined(TargetSlot slot)
    {
        var joined = new System.Text.StringBuilder();
        foreach (var part in slot.Joined!)
        {
            var text = row.TextAt(part).Trim();
            if (text.IsEmpty) continue;
            if (joined.Length > 0) joined.Append(' ');
            joined.Append(text);
        }

        if (joined.Length == 0) return null;
        var value = joined.ToString();
        if (slot.Values is not null && slot.Values.TryGetValue(value, out var mapped))
        {
            var translated = mapped.Trim();
            return translated.Length == 0 ? null : translated;
        }

        return value;
    }

    private ReadOnlySpan<char> Text(TargetSlot slot)
    {
        if (slot.Joined is not null) return Joined(slot).AsSpan();
        var raw = row.TextAt(slot.Slot).Trim();
        if (raw.IsEmpty) return default;
        return slot.Values is not null && slot.ValueLookup.TryGetValue(raw, out var mapped) ? mapped.AsSpan().Trim() : raw;
    }
}
