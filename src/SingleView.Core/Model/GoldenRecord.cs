namespace SingleView.Core.Model;

/// <summary>
/// One person as SingleView knows them: the survivor of every source record linked to them, with
/// the lineage of each field.
/// </summary>
public sealed record GoldenRecord
{
    public required string GoldenId { get; init; }
    public required PersonKind Kind { get; init; }
    public required IReadOnlyList<SourceRecordKey> Members { get; init; }
    /// <summary>Golden fields by name (first_name, family_name, date_of_birth...), each with its lineage.</summary>
    public required IReadOnlyDictionary<string, FieldLineage> Fields { get; init; }
    public string? FamilyId { get; init; }
    public bool Restricted { get; init; }

    public string? ValueOf(string field) => Fields.TryGetValue(field, out var lineage) ? lineage.Chosen.Value : null;
}
