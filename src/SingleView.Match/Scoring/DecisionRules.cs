using System.Globalization;
using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>
/// Turns a score into a decision: thresholds first, then the agreed safeguards that no weight can
/// overrule. A safeguard may stop an automatic link; it never silently drops a pair the evidence
/// supports. Where a known pattern makes some evidence worthless (twins share a birthday and a home; a
/// parent and child of one name share a name and a home), that evidence is set aside and the rest
/// decides: enough of it and the pair goes to review with the reason, too little and it is not linked,
/// with the reason kept in its explanation.
/// </summary>
internal sealed class DecisionRules
{
    private readonly MatchModel model;
    private readonly PairScorer scorer;
    private readonly double linkWeight;
    private readonly double reviewWeight;
    private readonly (int Index, ComparisonDefinition Definition)[] identifiers;
    private readonly (int Index, ComparisonDefinition Definition)[] conflictingIdentifiers;
    private readonly (int Index, ComparisonDefinition? Definition) firstName;
    private readonly (int Index, ComparisonDefinition? Definition) dateOfBirth;
    private readonly (int Index, ComparisonDefinition? Definition) address;

    public DecisionRules(MatchModel model, PairScorer scorer)
    {
        this.model = model;
        this.scorer = scorer;
        linkWeight = MatchModel.WeightOf(model.LinkProbability);
        reviewWeight = model.ReviewProbability <= 0 ? double.NegativeInfinity : MatchModel.WeightOf(model.ReviewProbability);
        var indexed = model.Comparisons.Select((c, i) => (Index: i, Definition: c)).ToArray();
        identifiers = indexed.Where(c => c.Definition.Column is ComparisonColumn.NhsNumber or ComparisonColumn.Upn or ComparisonColumn.CasePersonId or ComparisonColumn.Identifier).ToArray();
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

    /// <summary>True when an identifier (NHS number, UPN, case id or a named identifier) is the same on both records.</summary>
    public bool IdentifierAgrees(ReadOnlySpan<int> levels)
    {
        foreach (var (index, definition) in identifiers)
        {
            if (levels[index] >= 0 && definition.Levels[levels[index]].Kind == LevelKind.Exact) return true;
        }

        return false;
    }

    /// <summary>
    /// True when an identifier agrees, or a named identifier is one keystroke from the other's and not
    /// the next number along (systems number twins one after the other; a typo lands anywhere).
    /// </summary>
    public bool IdentifierCorroborates(PreparedRecord left, PreparedRecord right, ReadOnlySpan<int> levels)
    {
        if (IdentifierAgrees(levels)) return true;
        foreach (var (index, definition) in identifiers)
        {
            if (definition.Column != ComparisonColumn.Identifier || levels[index] < 0) continue;
            if (definition.Levels[levels[index]].Kind == LevelKind.EditDistance && !NextNumbers(left, right)) return true;
        }

        return false;
    }

    /// <summary>Some named identifier of one name is a number within 2 of the other's.</summary>
    private static bool NextNumbers(PreparedRecord left, PreparedRecord right)
    {
        foreach (var x in left.Identifiers)
        {
            foreach (var y in right.Identifiers)
            {
                if (x.Name == y.Name && long.TryParse(x.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                    && long.TryParse(y.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && Math.Abs(a - b) <= 2) return true;
            }
        }

        return false;
    }

    /// <summary>The decision for a scored pair; when <paramref name="reasons"/> is given, it receives the safeguards that acted.</summary>
    public MatchDecision Decide(PreparedRecord left, PreparedRecord right, ReadOnlySpan<int> levels, double weight, List<string>? reasons)
    {
        var identifierAgrees = IdentifierAgrees(levels);
        if (!identifierAgrees && (left.Record.DateOfBirth is null && !left.HasName || right.Record.DateOfBirth is null && !right.HasName))
        {
            reasons?.Add("a record has neither a name nor a date of birth, and no identifier agrees");
            return MatchDecision.NotLinked;
        }

        if (weight < reviewWeight) return MatchDecision.NotLinked;
        // From here an identifier that corroborates (the same, or a typo of it) lifts the safeguards that
        // guard against twins and namesakes: they cannot explain it.
        identifierAgrees = IdentifierCorroborates(left, right, levels);
        var safeguards = model.Safeguards;
        var firstNameKind = KindOf(firstName, levels);
        var dateOfBirthKind = KindOf(dateOfBirth, levels);
        var sameHome = KindOf(address, levels) is LevelKind.Exact or LevelKind.HouseAndStreet or LevelKind.PostcodeFull;
        var held = false;
        void Hold(string reason)
        {
            held = true;
            reasons?.Add(reason);
        }

        if (!identifierAgrees && safeguards.NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday
            && firstNameKind is (null or LevelKind.Else or LevelKind.CrossedName) && dateOfBirthKind == LevelKind.Exact && sameHome && !Truncated(left, right))
        {
            // A first name missing on one side (or only a title) cannot tell one twin from the other either.
            // Twins share a birthday and a home: that agreement says nothing about whether these are one person.
            var rest = weight - Contribution(dateOfBirth, levels, left) - Math.Max(0, Contribution(address, levels, left));
            if (rest < reviewWeight)
            {
                reasons?.Add(Reasoned("plainly different first names at one home on one birthday: twins or siblings; without the shared birthday and home the evidence", rest));
                return MatchDecision.NotLinked;
            }

            Hold("plainly different first names at one home on one birthday (twins look like this), but the other evidence is strong: a person decides");
        }

        if (!identifierAgrees && safeguards.NotLinkedOnDistantDateOfBirth && dateOfBirthKind == LevelKind.Else)
        {
            // A parent and child of one name share the name and the home: set those aside, and the rest decides.
            var rest = weight - Math.Max(0, Contribution(firstName, levels, left)) - Math.Max(0, Contribution(address, levels, left));
            if (rest < reviewWeight)
            {
                reasons?.Add(Reasoned("dates of birth far apart and no identifier agrees (a parent and child of one name look like this); without the shared first name and home the evidence", rest));
                return MatchDecision.NotLinked;
            }

            Hold("dates of birth are far apart and no identifier agrees, but the other evidence is strong: a person decides");
        }

        if (weight < linkWeight) return MatchDecision.Review;
        // Across sources the same name at one home is one person far more often than a namesake
        // parent and child both without a date of birth; within one source it is the other way round.
        if (!identifierAgrees && safeguards.NoAutomaticLinkOnNamesakeInOneSourceWithoutDateOfBirth
            && dateOfBirthKind is null && firstNameKind == LevelKind.Exact && sameHome && left.Record.SourceSystem == right.Record.SourceSystem
            && weight - Math.Max(0, Contribution(firstName, levels, left)) - Math.Max(0, Contribution(address, levels, left)) < linkWeight)
        {
            Hold("one source holds one name twice at one home with no date of birth to tell a parent from a child of that name: a person decides");
        }

        // A name crossed into the other field is no first name in common: one twin's swapped record
        // carries the family name both twins share.
        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentFirstName && firstNameKind is (LevelKind.Else or LevelKind.CrossedName) && !held)
        {
            Hold("first names differ and no identifier agrees (twins look like this)");
        }

        if (!identifierAgrees && safeguards.NoAutomaticLinkOnDifferentDateOfBirth && dateOfBirthKind == LevelKind.Else && !held)
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
            && firstNameKind is not (null or LevelKind.Exact or LevelKind.Nickname or LevelKind.Misspelling or LevelKind.SwappedNames or LevelKind.CrossedName or LevelKind.Truncated or LevelKind.Else)
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

    private static string Reasoned(string reason, double rest) =>
        string.Create(CultureInfo.InvariantCulture, $"{reason} (weight {rest:0.00}, probability {MatchModel.ProbabilityOf(rest):0.####}) is below review");

    /// <summary>What one comparison added to the weight, its term-frequency adjustment included; 0 when null.</summary>
    private double Contribution((int Index, ComparisonDefinition? Definition) comparison, ReadOnlySpan<int> levels, PreparedRecord left)
    {
        if (comparison.Definition is null || levels[comparison.Index] < 0) return 0;
        var level = comparison.Definition.Levels[levels[comparison.Index]];
        return level.Weight + (level.TermFrequency ? scorer.TermFrequencyAdjustment(comparison.Definition.Column, level, left) : 0);
    }

    /// <summary>One first name cut short of the other (Alexandr / Alexandra, Chris / Christopher): one name written twice, not twins.</summary>
    private static bool Truncated(PreparedRecord left, PreparedRecord right) => LevelEvaluator.Truncated(left.FirstNameJoined, right.FirstNameJoined);

    private static LevelKind? KindOf((int Index, ComparisonDefinition? Definition) comparison, ReadOnlySpan<int> levels) =>
        comparison.Definition is null || levels[comparison.Index] < 0 ? null : comparison.Definition.Levels[levels[comparison.Index]].Kind;

    private static bool HasMinimumEvidence(PreparedRecord record, MinimumEvidence minimum)
    {
        // A name is a first or a family name: a record with its surname blanked but its first name, date
        // of birth and home intact is not thin evidence.
        var name = record.FirstNameKey.Length > 0 || record.FamilyNameKey.Length > 0;
        return minimum switch
        {
            MinimumEvidence.None => true,
            MinimumEvidence.NameAndDateOfBirth => name && record.Record.DateOfBirth is not null,
            _ => name && (record.Record.DateOfBirth is not null || record.AddressKey.Length > 0 || record.Postcode is not null),
        };
    }
}
