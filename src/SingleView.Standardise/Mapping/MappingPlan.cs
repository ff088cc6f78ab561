using System.Collections.Frozen;
using System.Collections.Immutable;
using SingleView.Core.Model;
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
    private readonly FrozenDictionary<string, ImmutableArray<string>> columns;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> values;
    private readonly FrozenDictionary<string, string[]> dateFormats;
    private ColumnLayout? slotsLayout;
    private RowSlots? slots;

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
            target => (columns.TryGetValue(target, out var column) ? definition.Format.DateFormatsFor(column[0]) : definition.Format.DateFormats).ToArray(),
            StringComparer.Ordinal);
        DateOfBirthFormats = DateFormatsFor(StandardFields.DateOfBirth);
        StartDateFormats = DateFormatsFor(TargetFields.InvolvementStartDate);
        EndDateFormats = DateFormatsFor(TargetFields.InvolvementEndDate);
        Details = definition.Columns.Keys
            .Where(target => target.StartsWith(TargetFields.DetailPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(target => (target, target[TargetFields.DetailPrefix.Length..]))
            .ToArray();
        DetailNames = Details.Select(detail => detail.Name).ToArray();
        IdentifierTargets = definition.NamedIdentifiers.ToArray();
        IdentifierNames = IdentifierTargets.Select(target => target[StandardFields.IdentifierPrefix.Length..]).ToArray();
    }

    public FeedDefinition Definition { get; }

    /// <summary>The formats of the three date targets, looked up once rather than for every row.</summary>
    public IReadOnlyList<string> DateOfBirthFormats { get; }

    public IReadOnlyList<string> StartDateFormats { get; }

    public IReadOnlyList<string> EndDateFormats { get; }

    /// <summary>Each detail.* target with its detail name, in a fixed order.</summary>
    public (string Target, string Name)[] Details { get; }

    /// <summary>The names of <see cref="Details"/>, in the same order (shared by a delivery's records).</summary>
    public string[] DetailNames { get; }

    /// <summary>The feed's named identifiers' targets (identifier.&lt;name&gt;), in a fixed order.</summary>
    public string[] IdentifierTargets { get; }

    /// <summary>The names of <see cref="IdentifierTargets"/> without the prefix, in the same order.</summary>
    public string[] IdentifierNames { get; }

    /// <summary>
    /// Where each target's cell is in rows of <paramref name="layout"/>, with its values map, by
    /// <see cref="Targets"/> number and for each of <see cref="Details"/> in order: one array element per
    /// cell instead of lookups by name. Rows of a delivery share one layout, so it is worked out once.
    /// </summary>
    public RowSlots SlotsFor(ColumnLayout layout)
    {
        if (ReferenceEquals(layout, slotsLayout)) return slots!;
        slots = new RowSlots(
            Targets.Names.Select(target => SlotOf(layout, target)).ToArray(),
            Details.Select(detail => SlotOf(layout, detail.Target)).ToArray(),
            IdentifierTargets.Select(target => SlotOf(layout, target)).ToArray());
        slotsLayout = layout;
        return slots;
    }

    // A target the feed does not map has no cell (-1), as a column missing from the row. A target joined
    // from several columns has the slot of each.
    private TargetSlot SlotOf(ColumnLayout layout, string target)
    {
        if (!columns.TryGetValue(target, out var sources)) return TargetSlot.For(-1, null);
        var map = values.GetValueOrDefault(target);
        return sources.Length == 1
            ? TargetSlot.For(layout.SlotOf(sources[0]), map)
            : TargetSlot.For(-1, map) with { Joined = sources.Select(layout.SlotOf).ToArray() };
    }

    public IReadOnlyList<string> DateFormatsFor(string target) =>
        dateFormats.TryGetValue(target, out var formats) ? formats : Definition.Format.DateFormats;
}

/// <summary>A target's cell position in a row (-1: not in the delivery) and its values map, if the feed has one.</summary>
internal readonly record struct TargetSlot(int Slot, FrozenDictionary<string, string>? Values, FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ValueLookup)
{
    /// <summary>For a target joined from several columns, each column's slot in order (<see cref="Slot"/> is then -1).</summary>
    public int[]? Joined { get; init; }

    /// <summary>With the values map looked up by a cell's characters (no string made for a cell that is only translated).</summary>
    public static TargetSlot For(int slot, FrozenDictionary<string, string>? values) =>
        new(slot, values, values is null ? default : values.GetAlternateLookup<ReadOnlySpan<char>>());
}

/// <summary>
/// The slots of a layout's rows: by <see cref="Targets"/> number, for each detail target in
/// <see cref="MappingPlan.Details"/> order, and for each named identifier in <see cref="MappingPlan.IdentifierTargets"/> order.
/// </summary>
internal sealed record RowSlots(TargetSlot[] Known, TargetSlot[] Details, TargetSlot[] Identifiers);
