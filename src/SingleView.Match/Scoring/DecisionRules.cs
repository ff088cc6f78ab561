using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>Turns a score into a decision: thresholds first, then the agreed safeguards that no weight can overrule.</summary>
internal sealed class DecisionRules
{
    private readonly MatchModel model;
    private readonly double linkWeight;
    private readonly double reviewWeight;
    private readonly (int Index, ComparisonDefinition Definition)[] identifiers;
    private readonly (int Index, ComparisonDefinition Definition)[] conflictingIdentifiers;
    private readonly (int Index, ComparisonDefinition? Definition) firstName;
    private readonly (int Index, ComparisonDefinition? Definition) dateOfBirth;
    private readonly (int Index, ComparisonDefinition? Definition) address;

    public DecisionRules(MatchModel model)
    {
        this.model = model;
        linkWeight = MatchModel.WeightOf(model.LinkProbability);
        reviewWeight = model.ReviewProbability <= 0 ? double.NegativeInfinity : MatchModel.WeightOf(model.ReviewProbability);
        var indexed = model.Comparisons.Select((c, i) => (Index: i, Definition: c)).ToArray();
        identifiers = indexed.Where(c => c.Definition.Column is ComparisonColumn.NhsNumber or ComparisonColumn.Upn or ComparisonColumn.CasePersonId).ToArray();
        conflictingIdentifiers = indexed.Where(c => c.Definition.Column is ComparisonColumn.NhsNumber or ComparisonColumn.Upn).ToArray();
        (int, ComparisonDefinition?) Find(ComparisonColumn column)
        {
            var found = indexed.FirstOrDefault(c => c.Definition.Column == column);
            return found.Definition is null ? (-1, null) : found;
        }

        firstName = Find(ComparisonColumn.FirstName);
        dateOfBirth = Find(ComparisonColumn.DateOfBirth);
        address = Find(ComparisonColumn.Address);
    }

    /// <summary>The decision for a scored pair; when <paramref name="reasons"/> is given, it receives the safeguards that held the pair back.</summary>
    public MatchDecision Decide(PreparedRecord left, PreparedRecord right, ReadOnlySpan<int> levels, double weight, List<string>? reasons)
    {
        var identifierAgrees = false;
        foreach (var (index, definition) in identifiers)
        {
            if (levels[index] >= 0 && definition.Levels[levels[index]].Kind == LevelKind.Exact) identifierAgrees = true;
        }

        if (!identifierAgrees && (left.Record.DateOfBirth is null && !left.HasName || right.Record.DateOfBirth is null && !right.HasName))
        {
            reasons?.Add("a record has neither a name nor a date of birth, and no identifier agrees");
            return MatchDecision.NotLinked;
        }

        if (weight < reviewWeight) return MatchDecision.NotLinked;
        var safeguards = model.Safeguards;
        var firstNameKind = KindOf(firstName, levels);
        var dateOfBirthKind = KindOf(dateOfBirth, levels);
        var sameHome = KindOf(address, levels) is LevelKind.Exact or LevelKind.HouseAndStreet or LevelKind.PostcodeFull;
        if (!identifierAgrees && safeguards.NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday
            && firstNameKind == LevelKind.Else && dateOfBirthKind == LevelKind.Exact && sameHome)
        {
            reasons?.Add("plainly different first names at one home on one birthday: twins or siblings");
            return MatchDecision.NotLinked;
        }

        if (!identifierAgrees && safeguards.NotLinkedOnDistantDateOfBirth && dateOfBirthKind == LevelKind.Else)
        {
            reasons?.Add("dates of birth far apart and no identifier agrees: a parent and child of one name look like this");
            return MatchDecision.NotLinked;
        }

        if (weight < linkWeight) return MatchDecision.Review;
        var held = false;
        void Hold(string reason)
        {
            held = true;
            reasons?.Add(reason);
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentFirstName && firstNameKind == LevelKind.Else)
        {
            Hold("first names differ and no identifier agrees (twins look like this)");
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentDateOfBirth && dateOfBirthKind == LevelKind.Else)
        {
            Hold("dates of birth are far apart and no identifier agrees");
        }

        if (safeguards.NoAutomaticLinkOnConflictingIdentifier)
        {
            foreach (var (index, definition) in conflictingIdentifiers)
            {
                if (levels[index] >= 0 && definition.Levels[levels[index]].Kind is LevelKind.Conflicting or LevelKind.Else)
                {
                    Hold("their NHS numbers or UPNs differ");
                    break;
                }
            }
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnPossibleTwins
            && firstNameKind is not (null or LevelKind.Exact or LevelKind.Nickname or LevelKind.Misspelling)
            && dateOfBirthKind == LevelKind.Exact
            && sameHome)
        {
            Hold("same birthday and home with first names that are not the same name: possible twins");
        }

        if (!identifierAgrees && (!HasMinimumEvidence(left, safeguards.MinimumEvidence) || !HasMinimumEvidence(right, safeguards.MinimumEvidence)))
        {
            Hold("a record lacks the minimum evidence to link without an identifier");
        }

        return held ? MatchDecision.Review : MatchDecision.Linked;
    }

    private static LevelKind? KindOf((int Index, ComparisonDefinition? Definition) comparison, ReadOnlySpan<int> levels) =>
        comparison.Definition is null || levels[comparison.Index] < 0 ? null : comparison.Definition.Levels[levels[comparison.Index]].Kind;

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
