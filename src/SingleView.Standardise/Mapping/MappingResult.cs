using SingleView.Core.Model;

namespace SingleView.Standardise.Mapping;

/// <summary>A row mapped to the common data model, or the reason it cannot be used.</summary>
internal readonly record struct MappingResult(PersonRecord? Record, string? Rejection)
{
    public static MappingResult Accepted(PersonRecord record) => new(record, null);
    public static MappingResult Rejected(string reason) => new(null, reason);
}
