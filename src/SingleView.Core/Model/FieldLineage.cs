namespace SingleView.Core.Model;

/// <summary>A value one source held for a golden field, with where it came from.</summary>
public sealed record SourcedValue(string Value, SourceRecordKey Source, string SourceSystem, DateOnly ExtractDate);

/// <summary>
/// Why a golden field holds its value: the value, the source that supplied it, the survivorship rule
/// that chose it, and every other value seen with its source.
/// </summary>
public sealed record FieldLineage
{
    public required string Field { get; init; }
    public required SourcedValue Chosen { get; init; }
    /// <summary>The survivorship rule that chose this value, in words (e.g. "source priority: LCS first").</summary>
    public required string Rule { get; init; }
    public IReadOnlyList<SourcedValue> OtherValues { get; init; } = [];
}
