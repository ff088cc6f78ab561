using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>
/// An upper bound on a pair's match weight from the records' integer keys alone. Each comparison
/// contributes the most its level could weigh: levels the keys decide (same id, dates, postcodes,
/// identifiers) are settled, the string measures (nickname, Jaro-Winkler, edit distance, …) count as
/// possible. A pair whose bound is below the review weight cannot be linked or reviewed whatever its
/// strings say (<see cref="DecisionRules"/> turns every weight below review into "not linked"), so it
/// is not scored; every other pair is scored exactly as before.
/// </summary>
internal sealed class WeightBound
{
    /// <summary>Room for floating-point rounding: the bound adds the same weights in another order.</summary>
    private const double Margin = 1e-6;

    private readonly ComparisonDefinition[] comparisons;
    private readonly double[][] weights;
    private readonly double[]?[][] termFrequency;
    private readonly double priorWeight;
    private readonly double reviewWeight;
    private readonly HashSet<int>[] nicknameGroups;

    /// <param name="nicknameGroups">The groups of each nickname number in the keys (from <see cref="MatchKeys.Of(PreparedRecord[], NicknameTable, out HashSet{int}[])"/>).</param>
    public WeightBound(MatchModel model, PairScorer scorer, PreparedRecord[] records, HashSet<int>[] nicknameGroups)
    {
        this.nicknameGroups = nicknameGroups;
        comparisons = [.. model.Comparisons];
        weights = comparisons.Select(c => c.Levels.Select(l => l.Weight).ToArray()).ToArray();
        priorWeight = model.PriorWeight;
        reviewWeight = model.ReviewProbability <= 0 ? double.NegativeInfinity : MatchModel.WeightOf(model.ReviewProbability);

        // Each record's term-frequency adjustment for each level that has one, worked out as the scorer does.
        termFrequency = new double[]?[comparisons.Length][];
        for (var c = 0; c < comparisons.Length; c++)
        {
            var levels = comparisons[c].Levels;
            termFrequency[c] = new double[]?[levels.Length];
            for (var l = 0; l < levels.Length; l++)
            {
                if (!levels[l].TermFrequency) continue;
                var adjustments = new double[records.Length];
                var (column, level) = (comparisons[c].Column, levels[l]);
                Parallel.For(0, records.Length, i => adjustments[i] = scorer.TermFrequencyAdjustment(column, level, records[i]));
                termFrequency[c][l] = adjustments;
            }
        }
    }

    /// <summary>True when the pair (left first, as the scorer takes it) cannot reach the review weight.</summary>
    public bool BelowReview(in MatchKeys a, in MatchKeys b, int left) =>
        !double.IsNegativeInfinity(reviewWeight) && UpperBound(a, b, left) + Margin < reviewWeight;

    /// <summary>The most the pair's match weight can be.</summary>
    public double UpperBound(in MatchKeys a, in MatchKeys b, int left)
    {
        var bound = priorWeight;
        for (var c = 0; c < comparisons.Length; c++)
        {
            var most = Most(c, a, b, left);
            // A comparison that counts only where another disagrees may be made null (0) by it.
            bound += comparisons[c].OnlyWhenDifferentIndex >= 0 ? Math.Max(most, 0) : most;
        }

        return bound;
    }

    private double Most(int c, in MatchKeys a, in MatchKeys b, int left)
    {
        var comparison = comparisons[c];
        var column = comparison.Column;
        if (!BothPresent(column, a, b)) return 0;
        var levels = comparison.Levels;
        var most = double.NegativeInfinity;
        for (var l = 0; l < levels.Length; l++)
        {
            var holds = Holds(levels[l], column, a, b);
            if (holds == Outcome.No) continue;
            var weight = weights[c][l];
            if (termFrequency[c][l] is { } adjustments) weight += adjustments[left];
            most = Math.Max(most, weight);
            if (holds == Outcome.Yes) return most;
        }

        // The last level is "else", which always holds; kept for safety should a level list end otherwise.
        return double.IsNegativeInfinity(most) ? 0 : most;
    }

    private enum Outcome
    {
        No,
        Maybe,
        Yes,
    }

    private static Outcome Of(bool holds) => holds ? Outcome.Yes : Outcome.No;

    /// <summary>Mirrors LevelEvaluator's presence test exactly: a missing value is weight 0, not a disagreement.</summary>
    private static bool BothPresent(ComparisonColumn column, in MatchKeys a, in MatchKeys b) => column switch
    {
        ComparisonColumn.FirstName => a.FirstName != 0 && b.FirstName != 0,
        ComparisonColumn.FamilyName => a.FamilyName != 0 && b.FamilyName != 0,
        ComparisonColumn.DateOfBirth => a.DateOfBirth != 0 && b.DateOfBirth != 0,
        ComparisonColumn.Gender => a.Gender != 0 && b.Gender != 0,
        ComparisonColumn.Address => (a.Address != 0 && b.Address != 0) || (a.Postcode != 0 && b.Postcode != 0),
        ComparisonColumn.Postcode => a.Postcode != 0 && b.Postcode != 0,
        ComparisonColumn.City => a.City != 0 && b.City != 0,
        ComparisonColumn.Email => a.Email != 0 && b.Email != 0,
        ComparisonColumn.NhsNumber => a.NhsNumber != 0 && b.NhsNumber != 0,
        ComparisonColumn.Upn => a.Upn != 0 && b.Upn != 0,
        ComparisonColumn.CasePersonId => a.CasePersonId != 0 && b.CasePersonId != 0,
        // Present only where a name is shared, which the keys do not say: every level counts as possible.
        ComparisonColumn.Identifier => a.Identifiers != 0 && b.Identifiers != 0,
        _ => false,
    };

    private Outcome Holds(ComparisonLevel level, ComparisonColumn column, in MatchKeys a, in MatchKeys b)
    {
        switch (level.Kind)
        {
            case LevelKind.Else:
                return Outcome.Yes;
            case LevelKind.Exact:
                return Exact(column, a, b);
            case LevelKind.Nickname when column == ComparisonColumn.FirstName:
                return Of(a.NicknameGroups != 0 && b.NicknameGroups != 0
                    && (a.NicknameGroups == b.NicknameGroups || nicknameGroups[a.NicknameGroups - 1].Overlaps(nicknameGroups[b.NicknameGroups - 1])));
            case LevelKind.SharedPart when column == ComparisonColumn.FamilyName && a.FamilyNameParts == 1 && b.FamilyNameParts == 1:
                // One part each: they share a part only by being the same name (of more than one letter).
                return Of(a.FamilyName == b.FamilyName && a.FamilyNameLength > 1);
            case LevelKind.Misspelling when column is ComparisonColumn.FirstName or ComparisonColumn.FamilyName:
                return Misspelling(level, column, a, b);
            case LevelKind.Phonetic when column == ComparisonColumn.FirstName:
                return Of(a.FirstNamePhonetic != 0 && a.FirstNamePhonetic == b.FirstNamePhonetic);
            case LevelKind.Phonetic when column == ComparisonColumn.FamilyName:
                return Of(a.FamilyNamePhonetic != 0 && a.FamilyNamePhonetic == b.FamilyNamePhonetic);
            case LevelKind.SwappedNames when level.Threshold > 0:
                return a.FirstNameInitial != '\0' && a.FamilyNameInitial != '\0'
                    && a.FirstNameInitial == b.FamilyNameInitial && a.FamilyNameInitial == b.FirstNameInitial ? Outcome.Maybe : Outcome.No;
            case LevelKind.CrossedName:
                return Of(a.FirstNameAsName != 0 && a.FamilyNameAsName != 0 && b.FirstNameAsName != 0 && b.FamilyNameAsName != 0
                    && (a.FirstNameAsName == b.FamilyNameAsName || a.FamilyNameAsName == b.FirstNameAsName));
            case LevelKind.SwappedNames:
                return Of(a.FirstNameAsName != 0 && a.FamilyNameAsName != 0 && a.FirstNameAsName != a.FamilyNameAsName
                    && a.FirstNameAsName == b.FamilyNameAsName && a.FamilyNameAsName == b.FirstNameAsName);
            case LevelKind.Truncated when column == ComparisonColumn.FirstName:
                return a.FirstNameLength != b.FirstNameLength && Math.Min(a.FirstNameLength, b.FirstNameLength) >= 3 ? Outcome.Maybe : Outcome.No;
            case LevelKind.Truncated when column == ComparisonColumn.FamilyName:
                return a.FamilyNameLength != b.FamilyNameLength && Math.Min(a.FamilyNameLength, b.FamilyNameLength) >= 3 ? Outcome.Maybe : Outcome.No;
            case LevelKind.DayMonthSwapped:
            {
                var (x, y) = (a.DateOfBirth, b.DateOfBirth);
                var (xDay, xMonth, yDay, yMonth) = (x % 100, x / 100 % 100, y % 100, y / 100 % 100);
                return Of(x / 10000 == y / 10000 && xDay == yMonth && xMonth == yDay && xDay != xMonth);
            }

            case LevelKind.DigitsTransposed:
                return Of(DigitsApart(a.DateOfBirthNibbles, b.DateOfBirthNibbles) == 2);
            case LevelKind.OneDigitOff:
                return Of(DigitsApart(a.DateOfBirthNibbles, b.DateOfBirthNibbles) == 1);
            case LevelKind.WithinDays:
                return Of(Math.Abs(a.DateOfBirthDay - b.DateOfBirthDay) <= level.Days);
            case LevelKind.JaroWinkler or LevelKind.EditDistance when column == ComparisonColumn.Address:
                // As LevelEvaluator: two different valid UK postcodes rule a mistyped address out; other
                // postcodes may be one keystroke apart, which the keys cannot tell.
                return PostcodesDisagree(a, b) && a.PostcodeSector != 0 && b.PostcodeSector != 0 ? Outcome.No : Outcome.Maybe;
            case LevelKind.HouseAndStreet:
                return Of(a.Address != 0 && b.Address != 0 && !PostcodesDisagree(a, b) && a.HouseAndStreet != 0 && a.HouseAndStreet == b.HouseAndStreet);
            case LevelKind.PostcodeFull:
                return Of(a.Postcode != 0 && a.Postcode == b.Postcode);
            case LevelKind.PostcodeSector:
                return Of(a.PostcodeSector != 0 && a.PostcodeSector == b.PostcodeSector);
            case LevelKind.PostcodeDistrict:
                return Of(a.PostcodeDistrict != 0 && a.PostcodeDistrict == b.PostcodeDistrict);
            case LevelKind.Conflicting when column == ComparisonColumn.NhsNumber:
                // Reached only when the numbers are not equal ignoring case (exact comes first), so they differ ordinally too.
                return a.NhsNumber == b.NhsNumber ? Outcome.Maybe : Of(a.NhsNumberValid && b.NhsNumberValid);
            case LevelKind.Conflicting when column == ComparisonColumn.Upn:
                return a.Upn == b.Upn ? Outcome.No : Of(a.UpnValid && b.UpnValid);
            default:
                // Jaro-Winkler, edit distance, initial or middle name, shared parts of longer names: they need the strings.
                return Outcome.Maybe;
        }
    }

    private static Outcome Exact(ComparisonColumn column, in MatchKeys a, in MatchKeys b) => column switch
    {
        ComparisonColumn.FirstName => Of(a.FirstName == b.FirstName),
        ComparisonColumn.FamilyName => Of(a.FamilyName == b.FamilyName),
        ComparisonColumn.DateOfBirth => Of(a.DateOfBirth == b.DateOfBirth),
        ComparisonColumn.Gender => Of(a.Gender == b.Gender),
        ComparisonColumn.Address => Of(a.Address != 0 && a.Address == b.Address && !PostcodesDisagree(a, b)),
        ComparisonColumn.Postcode => Of(a.Postcode == b.Postcode),
        ComparisonColumn.City => Of(a.City == b.City),
        ComparisonColumn.Email => Of(a.Email == b.Email),
        ComparisonColumn.NhsNumber => Of(a.NhsNumber == b.NhsNumber),
        ComparisonColumn.Upn => Of(a.Upn == b.Upn),
        ComparisonColumn.CasePersonId => Of(a.CasePersonId == b.CasePersonId),
        _ => Outcome.Maybe,
    };

    private static bool PostcodesDisagree(in MatchKeys a, in MatchKeys b) => a.Postcode != 0 && b.Postcode != 0 && a.Postcode != b.Postcode;

    /// <summary>The level's count test, as LevelEvaluator applies it before the edit distance (which needs the strings).</summary>
    private static Outcome Misspelling(ComparisonLevel level, ComparisonColumn column, in MatchKeys a, in MatchKeys b)
    {
        var (countA, countB, lengthA, lengthB) = column == ComparisonColumn.FirstName
            ? (a.FirstNameCount, b.FirstNameCount, a.FirstNameLength, b.FirstNameLength)
            : (a.FamilyNameCount, b.FamilyNameCount, a.FamilyNameLength, b.FamilyNameLength);
        // Two values both rare may be a slip too (small data), unless both are known first names: the
        // keys do not say which names the table knows for family names, so that case stays possible.
        if (!LevelEvaluator.RarerBesideCommoner(level, countA, countB) && Math.Max(countA, countB) > level.MaxRarerCount) return Outcome.No;
        return Math.Abs(lengthA - lengthB) > level.MaxEdits ? Outcome.No : Outcome.Maybe;
    }

    /// <summary>How many of the eight digits of two yyyyMMdd dates (four bits a digit) differ, as LevelEvaluator counts them on the text.</summary>
    private static int DigitsApart(int x, int y)
    {
        var differ = (uint)(x ^ y);
        // Fold each nibble onto its lowest bit, then count the nibbles that had any bit set.
        differ |= differ >> 1;
        differ |= differ >> 2;
        return System.Numerics.BitOperations.PopCount(differ & 0x11111111u);
    }
}
