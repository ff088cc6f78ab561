using SingleView.Core.Model;

namespace SingleView.Refresh;

/// <summary>How long a stage of the refresh took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Duration)
{
    /// <summary>CPU time of the whole process during the stage, where measured (the publish steps).</summary>
    public TimeSpan? Cpu { get; init; }
}

/// <summary>
/// One feed in one run. RowsIn counts the delivery's data rows (standardised plus quarantined); RowsOut
/// the standardised records that went to matching; Linked those that share a person with another
/// record; InReview those in at least one pair queued for review.
/// </summary>
public sealed record FeedRun(string Feed, FeedState State, int RowsIn, int Quarantined, int RowsOut, int Linked, int InReview);

/// <summary>What happened to golden IDs in one run (details in golden_id_event).</summary>
public sealed record GoldenIdChanges(int Created, int Returned, int Merged, int Split, int Retired, int KeptWithChanges, int Redirects);

/// <summary>What one refresh did, for the command line and the run history.</summary>
public sealed record RefreshReport
{
    public required string RunId { get; init; }
    /// <summary>Each feed's coverage as published. <see cref="FeedCoverage.Rows"/> is the standardised records (rows out).</summary>
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
    /// <summary>The publish stage table by table (part of the last of <see cref="Stages"/>).</summary>
    public IReadOnlyList<StageTiming> PublishSteps { get; init; } = [];
    /// <summary>Rows in and out, linked and in review, per feed.</summary>
    public IReadOnlyList<FeedRun> FeedRuns { get; init; } = [];
    public int Relationships { get; init; }
    public GoldenIdChanges GoldenIds { get; init; } = new(0, 0, 0, 0, 0, 0, 0);
    /// <summary>People's live decisions applied as constraints: 'same' (must-link) and 'different' (cannot-link).</summary>
    public int MustLinkDecisions { get; init; }
    public int CannotLinkDecisions { get; init; }

    public TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (total, stage) => total + stage.Duration);
}
