using System.Collections.Frozen;
using SingleView.Ingest.Definitions;

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

    public string Translate(string target, string raw) =>
        values.TryGetValue(target, out var map) && map.TryGetValue(raw, out var mapped) ? mapped.Trim() : raw;

    public IReadOnlyList<string> DateFormatsFor(string target) =>
        dateFormats.TryGetValue(target, out var formats) ? formats : Definition.Format.DateFormats;
}
