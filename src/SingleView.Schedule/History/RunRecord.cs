namespace SingleView.Schedule.History;

public enum RunOutcome
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Its process ended (killed, crashed, the machine stopped) before it recorded how the run finished; found by the next run.</summary>
    Interrupted,
}

/// <summary>How long one stage of a run took.</summary>
public sealed record RunStage(string Stage, TimeSpan Duration);

/// <summary>One feed in one run: rows read and kept, quarantined, linked and in review, and how the feed stands.</summary>
public sealed record RunFeed(string Feed, string State, int RowsIn, int RowsOut, int Quarantined, int Linked, int InReview, string? Message);

/// <summary>One refresh attempt as the run history holds it.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    /// <summary>scheduled, manual (run now), retry, or cli.</summary>
    public required string TriggerKind { get; init; }
    public required int Attempt { get; init; }
    public required string Host { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public TimeSpan? Duration { get; init; }
    public required RunOutcome Outcome { get; init; }
    public string? RefreshRunId { get; init; }
    public long? PublicationId { get; init; }
    public int? SourceRecords { get; init; }
    public int? LinkedPairs { get; init; }
    public int? ReviewPairs { get; init; }
    public int? GoldenRecords { get; init; }
    public int? NewEvents { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<RunStage> Stages { get; init; } = [];
    public IReadOnlyList<RunFeed> Feeds { get; init; } = [];
}

/// <summary>
/// Whether the published view is current: stale when the latest finished attempt failed (the previous
/// publication is still in service) or the last success is older than the configured limit.
/// </summary>
public sealed record RefreshStatus(RunRecord? Latest, RunRecord? LastSucceeded, bool IsStale, string? Reason);
