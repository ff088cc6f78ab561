using SingleView.Core.Model;

namespace SingleView.Refresh;

/// <summary>How long a stage of the refresh took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Duration);

/// <summary>What one refresh did, for the command line and the run history.</summary>
public sealed record RefreshReport
{
    public required string RunId { get; init; }
    public required IReadOnlyList<FeedCoverage> Feeds { get; init; }
    public required int SourceRecords { get; init; }
    public required int CandidatePairs { get; init; }
    public required int LinkedPairs { get; init; }
    public required int ReviewPairs { get; init; }
    public required int GoldenRecords { get; init; }
    public required int Children { get; init; }
    public required int Adults { get; init; }
    public required int Families { get; init; }
    public required int Unmatchable { get; init; }
    public required long PublicationId { get; init; }
    public required IReadOnlyList<StageTiming> Stages { get; init; }
}
