using SingleView.Publish.Decisions;

namespace SingleView.Serve.Workbench;

/// <summary>What became of a decision or undo asked of the workbench.</summary>
internal abstract record DecisionOutcome
{
    /// <summary>Recorded (a decision) or withdrawn (an undo); <paramref name="LiveDecisionId"/> is the pair's state now.</summary>
    public sealed record Done(string? LiveDecisionId, RecordedMatchDecision? Decision) : DecisionOutcome;

    /// <summary>Someone else decided the pair since the officer loaded it: nothing was changed.</summary>
    public sealed record Conflict(string Message, string? LiveDecisionId) : DecisionOutcome;

    /// <summary>The request itself was wrong (no reason, the same record twice, an unknown decision).</summary>
    public sealed record Invalid(string Message) : DecisionOutcome;
}
