using SingleView.Core.Model;

namespace SingleView.Standardise.Mapping;

/// <summary>A row mapped to the common data model (the mapper's one <see cref="MappedRow"/>), or the reason it cannot be used.</summary>
internal readonly record struct MappingResult(MappedRow? Row, string? Rejection)
{
    public static MappingResult Accepted(MappedRow row) => new(row, null);
    public static MappingResult Rejected(string reason) => new(null, reason);

    /// <summary>The record of an accepted row, made now (read it before the mapper maps the next row).</summary>
    public PersonRecord? Record => Row?.ToPersonRecord();
}
