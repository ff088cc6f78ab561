using SingleView.Core.Model;

namespace SingleView.Golden.Identity;

/// <summary>
/// What earlier nights left behind for the ID assignment: last night's published membership, every
/// ID ever issued, and the IDs retired by merges with where they now point.
/// </summary>
public sealed record GoldenIdHistory
{
    public static GoldenIdHistory Empty { get; } = new();

    /// <summary>Last night's published membership: source record → golden ID.</summary>
    public IReadOnlyDictionary<SourceRecordKey, string> Membership { get; init; } = new Dictionary<SourceRecordKey, string>();

    /// <summary>
    /// Every golden ID ever issued, with the run that first issued it (null when that is not known,
    /// e.g. an ID published before its history was kept; such an ID counts as the oldest).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Issued { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Retired IDs and the ID each redirects to (old → new).</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
