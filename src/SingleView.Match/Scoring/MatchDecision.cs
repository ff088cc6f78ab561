namespace SingleView.Match.Scoring;

public enum MatchDecision
{
    /// <summary>Below the review threshold, or not allowed to match at all.</summary>
    NotLinked,
    /// <summary>In the uncertain band, or held back by a safeguard: a person decides.</summary>
    Review,
    Linked,
}

/// <summary>A compared pair with its decision and the explanation behind it.</summary>
public sealed record ScoredPair(
    Core.Model.SourceRecordKey Left,
    Core.Model.SourceRecordKey Right,
    MatchDecision Decision,
    MatchExplanation Explanation,
    string BlockingRule)
{
    /// <summary>True when a person decided this pair (the workbench's "same person"), not the score.</summary>
    public bool DecidedByPerson { get; init; }
}
