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
        if (!identifierAgrees && (!left.HasName && left.Record.DateOfBirth is null || !right.HasName && right.Record.DateOfBirth is null))
        {
            return (MatchDecision.NotLinked, ["a record has neither a name nor a date of birth, and no identifier agrees"]);
        }

        var probability = explanation.MatchProbability;
        if (probability < model.ReviewProbability) return (MatchDecision.NotLinked, []);
        if (probability < model.LinkProbability) return (MatchDecision.Review, []);
        var held = new List<string>();
        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentFirstName && explanation.LevelOf(Comparison.FirstName) == ComparisonLevels.Different)
        {
            held.Add("first names differ and no identifier agrees (twins look like this)");
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentDateOfBirth && explanation.LevelOf(Comparison.DateOfBirth) == ComparisonLevels.Different)
        {
            held.Add("dates of birth are far apart and no identifier agrees");
        }

        if (safeguards.NoAutomaticLinkOnConflictingIdentifier
            && (explanation.LevelOf(Comparison.NhsNumber) == ComparisonLevels.Different || explanation.LevelOf(Comparison.Upn) == ComparisonLevels.Different))
        {
            held.Add("their NHS numbers or UPNs differ");
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnPossibleTwins
            && explanation.LevelOf(Comparison.FirstName) is not ("exact" or "nickname" or "null")
            && explanation.LevelOf(Comparison.DateOfBirth) == "exact"
            && explanation.LevelOf(Comparison.Address) is "exact" or "same_house_and_street" or "postcode")
        {
            held.Add("same birthday and home with first names that are not the same name: possible twins");
        }

        if (!identifierAgrees && (!HasMinimumEvidence(left, safeguards.MinimumEvidence) || !HasMinimumEvidence(right, safeguards.MinimumEvidence)))
        {
            held.Add("a record lacks the minimum evidence to link without an identifier");
        }

        return held.Count == 0 ? (MatchDecision.Linked, []) : (MatchDecision.Review, held);
    }

    private static bool HasMinimumEvidence(PreparedRecord record, MinimumEvidence minimum)
    {
        var fullName = record.FirstNameKey.Length > 0 && record.FamilyNameKey.Length > 0;
        return minimum switch
        {
            MinimumEvidence.None => true,
            MinimumEvidence.NameAndDateOfBirth => fullName && record.Record.DateOfBirth is not null,
            _ => fullName && (record.Record.DateOfBirth is not null || record.AddressKey.Length > 0 || record.Postcode is not null),
        };
    }
}
