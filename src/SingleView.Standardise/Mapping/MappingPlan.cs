using System.Collections.Frozen;
using SingleView.Ingest.Definitions;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// A feed definition's mapping, prepared once per delivery for reading a million rows: frozen lookups
/// instead of the definition's immutable (tree-based) dictionaries, and the detail fields and date
/// formats worked out in advance rather than for every row.
/// </summary>
internal sealed class MappingPlan
{
    private readonly FrozenDictionary<string, string> columns;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> values;
    private readonly FrozenDictionary<string, string[]> dateFormats;
    private ColumnLayout? slotsLayout;
    private FrozenDictionary<string, TargetSlot>? slots;

    public MappingPlan(FeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        columns = definition.Columns.ToFrozenDictionary(StringComparer.Ordinal);
        values = definition.Values.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
        dateFormats = TargetFields.Dates.ToFrozenDictionary(
            target => target,
            target => (columns.TryGetValue(target, out var column) ? definition.Format.DateFormatsFor(column) : definition.Format.DateFormats).ToArray(),
            StringComparer.Ordinal);
        Details = definition.Columns.Keys
            .Where(target => target.StartsWith(TargetFields.DetailPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(target => (target, target[TargetFields.DetailPrefix.Length..]))
            .ToArray();
    }

    public FeedDefinition Definition { get; }

    /// <summary>Each detail.* target with its detail name, in a fixed order.</summary>
    public (string Target, string Name)[] Details { get; }

    public string? ColumnFor(string target) => columns.GetValueOrDefault(target);

    /// <summary>
    /// Where each mapped target's cell is in rows of <paramref name="layout"/>, with its values map:
    /// one lookup per cell instead of four. Rows of a delivery share one layout, so it is worked out once.
    /// </summary>
    public FrozenDictionary<string, TargetSlot> SlotsFor(ColumnLayout layout)
    {
        if (ReferenceEquals(layout, slotsLayout)) return slots!;
        slots = columns.ToFrozenDictionary(
            kv => kv.Key,
            kv => new TargetSlot(layout.SlotOf(kv.Value), values.GetValueOrDefault(kv.Key)),
            StringComparer.Ordinal);
        slotsLayout = layout;
        return slots;
    }

    public string Translate(string target, string raw) =>
        values.TryGetValue(target, out var map) && map.TryGetValue(raw, out var mapped) ? mapped.Trim() : raw;

    public IReadOnlyList<string> DateFormatsFor(string target) =>
        dateFormats.TryGetValue(target, out var formats) ? formats : Definition.Format.DateFormats;
}

/// <summary>A target's cell position in a row (-1: not in the delivery) and its values map, if the feed has one.</summary>
internal readonly record struct TargetSlot(int Slot, FrozenDictionary<string, string>? Values);
