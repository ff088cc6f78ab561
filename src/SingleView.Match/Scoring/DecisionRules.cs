using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>Turns a score into a decision: thresholds first, then the agreed safeguards that no weight can overrule.</summary>
internal sealed class DecisionRules(MatchModel model)
{
    public (MatchDecision Decision, IReadOnlyList<string> Safeguards) Decide(PreparedRecord left, PreparedRecord right, MatchExplanation explanation)
    {
        var identifierAgrees = explanation.LevelOf(Comparison.NhsNumber) == "exact"
            || explanation.LevelOf(Comparison.Upn) == "exact"
            || explanation.LevelOf(Comparison.CasePersonId) == "exact";
        var safeguards = model.Safeguards;
        if (safeguards.RequireNameAndDateOfBirthOrIdentifier && !identifierAgrees
            && (!left.HasName && left.Record.DateOfBirth is null || !right.HasName && right.Record.DateOfBirth is null))
        {
            return (MatchDecision.NotLinked, ["a record has neither a name nor a date of birth, and no identifier agrees"]);
        }

        var probability = explanation.MatchProbability;
        if (probability < model.ReviewProbability) return (MatchDecision.NotLinked, []);
        if (probability < model.LinkProbability) return (MatchDecision.Review, []);
        if (identifierAgrees) return (MatchDecision.Linked, []);

        var held = new List<string>();
        if (safeguards.NoAutomaticLinkOnDifferentFirstName && explanation.LevelOf(Comparison.FirstName) == ComparisonLevels.Different)
        {
            held.Add("first names differ and no identifier agrees (twins look like this)");
        }

        if (safeguards.NoAutomaticLinkOnDifferentDateOfBirth && explanation.LevelOf(Comparison.DateOfBirth) == ComparisonLevels.Different)
        {
            held.Add("dates of birth are far apart and no identifier agrees");
        }

        if (safeguards.RequireNameAndDateOfBirthOrIdentifier
            && (!left.HasName || !right.HasName || left.Record.DateOfBirth is null || right.Record.DateOfBirth is null))
        {
            held.Add("a record lacks a name or a date of birth and no identifier agrees");
        }

        return held.Count == 0 ? (MatchDecision.Linked, []) : (MatchDecision.Review, held);
    }
}
