namespace SingleView.Publish.Decisions;

/// <summary>What a person decided about two source records (match_decision.decision: same, different, unsure).</summary>
public enum MatchDecisionKind
{
    /// <summary>The same person: the records are always linked (must-link).</summary>
    Same,
    /// <summary>Different people: the records are never in one person (cannot-link).</summary>
    Different,
    /// <summary>Looked at, not decided: no constraint, the matcher decides as usual.</summary>
    Unsure,
}

/// <summary>One decision as stored, with who made it and whether it was withdrawn.</summary>
public sealed record RecordedMatchDecision(
    string DecisionId,
    Core.Model.SourceRecordKey Left,
    Core.Model.SourceRecordKey Right,
    MatchDecisionKind Decision,
    string Reason,
    string DecidedBy,
    string DecidedRole,
    DateTimeOffset DecidedAt,
    string? WithdrawnBy,
    DateTimeOffset? WithdrawnAt)
{
    public bool IsWithdrawn => WithdrawnAt is not null;
}
