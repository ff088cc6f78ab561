using SingleView.Core.Model;

namespace SingleView.Match.Constraints;

/// <summary>
/// Decisions made by a person (the data quality workbench): pairs that must be the same person and
/// pairs that must be kept apart. They are hard constraints: no weight, threshold or clustering step
/// may overrule them, on this run or any later one.
/// </summary>
public sealed record MatchConstraints
{
    public static MatchConstraints None { get; } = new();

    /// <summary>Pairs a person decided are the same person.</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> MustLink { get; init; } = [];

    /// <summary>Pairs a person decided are not the same person.</summary>
    public IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> CannotLink { get; init; } = [];
}
