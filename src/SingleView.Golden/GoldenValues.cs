using SingleView.Core.Model;

namespace SingleView.Golden;

/// <summary>A golden field's value without its lineage, for readers that write or compare values only.</summary>
public static class GoldenValues
{
    /// <summary>
    /// As <see cref="GoldenRecord.ValueOf"/>; for a record from <see cref="GoldenRecordBuilder.BuildCompact"/> it
    /// skips making the field's lineage, which <see cref="GoldenRecord.ValueOf"/> would make and throw away.
    /// </summary>
    public static string? ValueOf(GoldenRecord person, string field)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Fields is CompactGoldenFields compact ? compact.ChosenValue(field) : person.ValueOf(field);
    }
}
