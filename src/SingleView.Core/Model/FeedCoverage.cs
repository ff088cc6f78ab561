namespace SingleView.Core.Model;

/// <summary>How a feed stands after a refresh: what the view says about the freshness of a source.</summary>
public enum FeedState
{
    /// <summary>A delivery was ingested in this refresh.</summary>
    Current,
    /// <summary>No new delivery; the last good one is still in use.</summary>
    NoNewDelivery,
    /// <summary>The feed has never delivered anything usable: its involvement is "source not available".</summary>
    NotAvailable,
    /// <summary>A delivery was rejected or held; the last good one (if any) is still in use.</summary>
    Held,
}

/// <summary>Each source's coverage and "current as of" date, as shown beside its involvement.</summary>
public sealed record FeedCoverage
{
    public required string Feed { get; init; }
    public required string SourceSystem { get; init; }
    public required Service Service { get; init; }
    public required FeedState State { get; init; }
    public DateOnly? CurrentAsOf { get; init; }
    public DateOnly? CoverageStart { get; init; }
    public DateOnly? CoverageEnd { get; init; }
    public string? CoverageArea { get; init; }
    public int Rows { get; init; }
    public int Quarantined { get; init; }
    public string? Message { get; init; }
}
