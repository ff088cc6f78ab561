using SingleView.Core.Model;
using SingleView.Core.Text;
using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>Finds the level of one comparison for a pair: the first configured level whose test holds; -1 when a value is missing (no evidence).</summary>
internal static class LevelEvaluator
{
    public const int Null = -1;

    /// <summary>Every comparison's level for a pair; a comparison that counts only when another disagrees is made null where that one agrees in any way.</summary>
    public static void Levels(System.Collections.Immutable.ImmutableArray<ComparisonDefinition> comparisons, PreparedRecord a, PreparedRecord b, NicknameTable nicknames, Span<int> levels)
    {
        for (var k = 0; k < comparisons.Length; k++) levels[k] = Level(comparisons[k], a, b, nicknames);
        for (var k = 0; k < comparisons.Length; k++)
        {
            var other = comparisons[k].OnlyWhenDifferentIndex;
            if (other >= 0 && levels[other] >= 0 && levels[other] < comparisons[other].Levels.Length - 1) levels[k] = Null;
        }
    }

    public static int Level(ComparisonDefinition comparison, PreparedRecord a, PreparedRecord b, NicknameTable nicknames)
    {
        var column = comparison.Column;
        if (!BothPresent(column, a, b)) return Null;
        var levels = comparison.Levels;
        for (var i = 0; i < levels.Length; i++)
        {
            if (Holds(levels[i], column, a, b, nicknames)) return i;
        }

        return levels.Length - 1;
    }

    private static bool BothPresent(ComparisonColumn column, PreparedRecord a, PreparedRecord b) => column switch
    {
        ComparisonColumn.FirstName => a.FirstNameKey.Length > 0 && b.FirstNameKey.Length > 0,
        ComparisonColumn.FamilyName => a.FamilyNameKey.Length > 0 && b.FamilyNameKey.Length > 0,
        ComparisonColumn.DateOfBirth => a.DateOfBirthDigits is not null && b.DateOfBirthDigits is not null,
        ComparisonColumn.Gender => a.Record.Gender != Gender.Unknown && b.Record.Gender != Gender.Unknown,
        ComparisonColumn.Address => (a.AddressKey.Length > 0 && b.AddressKey.Length > 0) || (a.Postcode is not null && b.Postcode is not null),
        ComparisonColumn.Postcode => a.Postcode is not null && b.Postcode is not null,
        ComparisonColumn.City => a.City.Length > 0 && b.City.Length > 0,
        ComparisonColumn.Email => a.Email is not null && b.Email is not null,
        ComparisonColumn.NhsNumber => a.Record.NhsNumber is not null && b.Record.NhsNumber is not null,
        ComparisonColumn.Upn => a.Record.Upn is not null && b.Record.Upn is not null,
        ComparisonColumn.CasePersonId => a.Record.CasePersonId is not null && b.Record.CasePersonId is not null,
        ComparisonColumn.Identifier => SharedIdentifierNames(a, b),
        _ => false,
    };

    /// <summary>True when the records hold at least one named identifier of the same name.</summary>
    private static bool SharedIdentifierNames(PreparedRecord a, PreparedRecord b)
    {
        if (a.Identifiers.Length == 0 || b.Identifiers.Length == 0) return false;
        foreach (var x in a.Identifiers)
        {
            foreach (var y in b.Identifiers)
            {
                if (x.Name == y.Name) return true;
            }
        }

        return false;
    }

    /// <summary>The strongest agreement over the identifiers both hold by name: 0 equal, else the fewest edits apart.</summary>
    private static int IdentifierEdits(PreparedRecord a, PreparedRecord b, int maxEdits)
    {
        var best = int.MaxValue;
        foreach (var x in a.Identifiers)
        {
            foreach (var y in b.Identifiers)
            {
                if (x.Name != y.Name) continue;
                if (x.Value == y.Value) return 0;
                if (best > maxEdits && BoundedEditDistance.Within(x.Value, y.Value, maxEdits)) best = maxEdits;
            }
        }

        return best;
    }

    /// <summary>The compared form of a column's value, as the waterfall shows it and string measures use it.</summary>
    public static string? TextOf(ComparisonColumn column, PreparedRecord record) => column switch
    {
        ComparisonColumn.FirstName => record.FirstNameKey,
        ComparisonColumn.FamilyName => record.FamilyNameKey,
        ComparisonColumn.DateOfBirth => record.DateOfBirthDigits,
        ComparisonColumn.Gender => record.Record.Gender == Gender.Unknown ? null : record.Record.Gender.ToString(),
        ComparisonColumn.Address => record.AddressKey,
        ComparisonColumn.Postcode => record.Postcode,
        ComparisonColumn.City => record.City,
        ComparisonColumn.Email => record.Email,
        ComparisonColumn.NhsNumber => record.Record.NhsNumber,
        ComparisonColumn.Upn => record.Record.Upn,
        ComparisonColumn.CasePersonId => record.Record.CasePersonId,
        ComparisonColumn.Identifier => record.Identifiers.Length == 0 ? null : string.Join(", ", record.Identifiers.Select(i => $"{i.Name} {i.Value}")),
        _ => null,
    };

    /// <summary>The form the string measures compare: names without their spaces (a space typed into a name is a slip).</summary>
    private static string? MeasuredTextOf(ComparisonColumn column, PreparedRecord record) => column switch
    {
        ComparisonColumn.FirstName => record.FirstNameJoined,
        ComparisonColumn.FamilyName => record.FamilyNameJoined,
        _ => TextOf(column, record),
    };

    /// <summary>The value as the source gave it, for the waterfall.</summary>
    public static string? DisplayOf(ComparisonColumn column, PreparedRecord record) => column switch
    {
        ComparisonColumn.FirstName => record.Record.FirstName,
        ComparisonColumn.FamilyName => record.Record.FamilyName,
        ComparisonColumn.Address => record.Record.Address is null && record.Postcode is null ? null : $"{record.Record.Address} {record.Postcode}".Trim(),
        _ => TextOf(column, record),
    };

    private static bool Holds(ComparisonLevel level, ComparisonColumn column, PreparedRecord a, PreparedRecord b, NicknameTable nicknames)
    {
        switch (level.Kind)
        {
            case LevelKind.Else:
                return true;
            case LevelKind.Exact when column == ComparisonColumn.Identifier:
                return IdentifierEdits(a, b, 0) == 0;
            case LevelKind.EditDistance when column == ComparisonColumn.Identifier:
                return IdentifierEdits(a, b, level.MaxEdits) <= level.MaxEdits;
            case LevelKind.Exact:
                return Exact(column, a, b);
            case LevelKind.SwappedNames:
                return level.Threshold > 0 ? SwappedNamesSimilar(a, b, level.Threshold) : SwappedNames(a, b);
            case LevelKind.CrossedName:
                return CrossedName(a, b);
            case LevelKind.Truncated:
                return Truncated(MeasuredTextOf(column, a)!, MeasuredTextOf(column, b)!);
            case LevelKind.Nickname:
                return nicknames.AreAliases(TextOf(column, a)!, TextOf(column, b)!);
            case LevelKind.SharedPart:
                return SharedPart(column == ComparisonColumn.FamilyName ? a.FamilyNameParts : a.FirstNameKey.Split(' '), column == ComparisonColumn.FamilyName ? b.FamilyNameParts : b.FirstNameKey.Split(' '));
            case LevelKind.Misspelling:
                return Misspelling(level, column, a, b, nicknames);
            // A mistyped address, not a neighbour's: where both have a postcode they are at most one keystroke apart.
            case LevelKind.JaroWinkler when column == ComparisonColumn.Address && PostcodesFarApart(a, b):
            case LevelKind.EditDistance when column == ComparisonColumn.Address && PostcodesFarApart(a, b):
                return false;
            case LevelKind.JaroWinkler:
                return JaroWinkler.Similarity(MeasuredTextOf(column, a)!, MeasuredTextOf(column, b)!) >= level.Threshold;
            case LevelKind.Phonetic:
                return Phonetic(column, a, b);
            case LevelKind.EditDistance:
                return BoundedEditDistance.Within(MeasuredTextOf(column, a)!, MeasuredTextOf(column, b)!, level.MaxEdits);
            case LevelKind.InitialOrMiddleName:
                return InitialOrMiddleName(a, b);
            case LevelKind.DayMonthSwapped:
                var x = a.Record.DateOfBirth!.Value;
                var y = b.Record.DateOfBirth!.Value;
                return x.Year == y.Year && x.Day == y.Month && x.Month == y.Day && x.Day != x.Month;
            case LevelKind.OneDigitOff:
                return DigitsApart(a.DateOfBirthDigits!, b.DateOfBirthDigits!) == 1;
            case LevelKind.DigitsTransposed:
                return DigitsTransposed(a.DateOfBirthDigits!, b.DateOfBirthDigits!);
            case LevelKind.WithinDays:
                return Math.Abs(a.DateOfBirthDay - b.DateOfBirthDay) <= level.Days;
            case LevelKind.HouseAndStreet:
                return a.AddressKey.Length > 0 && b.AddressKey.Length > 0 && !PostcodesDisagree(a, b)
                    && a.HouseAndStreet.Length > 0 && a.HouseAndStreet == b.HouseAndStreet;
            case LevelKind.PostcodeFull:
                return a.Postcode is not null && a.Postcode == b.Postcode;
            case LevelKind.PostcodeSector:
                return a.PostcodeSector is not null && a.PostcodeSector == b.PostcodeSector;
            case LevelKind.PostcodeDistrict:
                return a.PostcodeDistrict is not null && a.PostcodeDistrict == b.PostcodeDistrict;
            case LevelKind.Conflicting:
                return column switch
                {
                    ComparisonColumn.NhsNumber => a.NhsNumberValid && b.NhsNumberValid && a.Record.NhsNumber != b.Record.NhsNumber,
                    ComparisonColumn.Upn => a.UpnValid && b.UpnValid && !string.Equals(a.Record.Upn, b.Record.Upn, StringComparison.OrdinalIgnoreCase),
                    _ => !string.Equals(TextOf(column, a), TextOf(column, b), StringComparison.OrdinalIgnoreCase),
                };
            default:
                return false;
        }
    }

    private static bool Exact(ComparisonColumn column, PreparedRecord a, PreparedRecord b) => column switch
    {
        ComparisonColumn.Gender => a.Record.Gender == b.Record.Gender,
        // The same address, and postcodes that do not disagree (one may be missing).
        ComparisonColumn.Address => a.AddressKey.Length > 0 && a.AddressKey == b.AddressKey && !PostcodesDisagree(a, b),
        ComparisonColumn.NhsNumber or ComparisonColumn.Upn or ComparisonColumn.CasePersonId or ComparisonColumn.Email =>
            string.Equals(TextOf(column, a), TextOf(column, b), StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(TextOf(column, a), TextOf(column, b), StringComparison.Ordinal),
    };

    /// <summary>One value is the start of the other, at least three letters long and shorter than it.</summary>
    internal static bool Truncated(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 3 && shorter.Length < longer.Length && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each record's first name is the other's family name and the other way round, spaces aside
    /// ("Thred Gold" is "Thredgold" with a slip).
    /// </summary>
    internal static bool SwappedNames(PreparedRecord a, PreparedRecord b)
    {
        if (!HasBothNames(a) || !HasBothNames(b)) return false;
        return a.FirstNameJoined != a.FamilyNameJoined && a.FirstNameJoined == b.FamilyNameJoined && a.FamilyNameJoined == b.FirstNameJoined;
    }

    /// <summary>
    /// Swapped, and each crosswise pair at least <paramref name="threshold"/> Jaro-Winkler similar with
    /// the same first letter (Ryan Chloe / Chloe Ryna): a slip of the keyboard besides the swap.
    /// </summary>
    internal static bool SwappedNamesSimilar(PreparedRecord a, PreparedRecord b, double threshold)
    {
        if (!HasBothNames(a) || !HasBothNames(b) || a.FirstNameJoined == a.FamilyNameJoined) return false;
        if (a.FirstNameJoined[0] != b.FamilyNameJoined[0] || a.FamilyNameJoined[0] != b.FirstNameJoined[0]) return false;
        return JaroWinkler.Similarity(a.FirstNameJoined, b.FamilyNameJoined) >= threshold
            && JaroWinkler.Similarity(a.FamilyNameJoined, b.FirstNameJoined) >= threshold;
    }

    /// <summary>
    /// One record's first name is the other's family name while the remaining names differ: the
    /// names were swapped and one of them replaced or lost (Natalia Streich / Mason Natalia).
    /// </summary>
    internal static bool CrossedName(PreparedRecord a, PreparedRecord b)
    {
        if (!HasBothNames(a) || !HasBothNames(b)) return false;
        return a.FirstNameJoined == b.FamilyNameJoined || a.FamilyNameJoined == b.FirstNameJoined;
    }

    private static bool HasBothNames(PreparedRecord record) => record.FirstNameJoined.Length > 0 && record.FamilyNameJoined.Length > 0;

    /// <summary>Two dates written yyyyMMdd that differ only by two neighbouring digits changing places.</summary>
    internal static bool DigitsTransposed(string a, string b)
    {
        if (a.Length != b.Length) return false;
        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (first >= 0) return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
            first = i;
        }

        return false;
    }

    /// <summary>
    /// Postcodes that say two homes: two different valid UK postcodes (one character off is the next
    /// street), or other postcodes more than one keystroke apart.
    /// </summary>
    private static bool PostcodesFarApart(PreparedRecord a, PreparedRecord b) =>
        PostcodesDisagree(a, b) && ((a.PostcodeSector is not null && b.PostcodeSector is not null) || !BoundedEditDistance.Within(a.Postcode!, b.Postcode!, 1));

    private static bool PostcodesDisagree(PreparedRecord a, PreparedRecord b) => a.Postcode is not null && b.Postcode is not null && a.Postcode != b.Postcode;

    private static bool SharedPart(string[] a, string[] b)
    {
        foreach (var part in a)
        {
            if (part.Length > 1 && Array.IndexOf(b, part) >= 0) return true;
        }

        return false;
    }

    /// <summary>
    /// One value a few keystrokes from the other, and rare beside it: "Emliy" in one record against
    /// "Emily" in many is a slip; "Jake" against "Jack", both common, may be twins.
    /// </summary>
    /// <remarks>
    /// Small data has no common value to stand beside a rare one: there, two values each seen at most
    /// <c>max_rarer_count</c> times are a slip too, unless both are first names the nickname table
    /// knows (Emma and Ella are two names, twins may carry them).
    /// </remarks>
    private static bool Misspelling(ComparisonLevel level, ComparisonColumn column, PreparedRecord a, PreparedRecord b, NicknameTable nicknames)
    {
        var (countA, countB) = column == ComparisonColumn.FirstName ? (a.FirstNameCount, b.FirstNameCount) : (a.FamilyNameCount, b.FamilyNameCount);
        if (!RarerBesideCommoner(level, countA, countB))
        {
            if (Math.Max(countA, countB) > level.MaxRarerCount) return false;
            if (column == ComparisonColumn.FirstName && nicknames.GroupsOf(a.FirstNameKey) is not null && nicknames.GroupsOf(b.FirstNameKey) is not null) return false;
        }

        return BoundedEditDistance.Within(MeasuredTextOf(column, a)!, MeasuredTextOf(column, b)!, level.MaxEdits);
    }

    /// <summary>The rarer value is rare beside the commoner: seen at most <c>max_rarer_count</c> times, or at most that share of the other.</summary>
    internal static bool RarerBesideCommoner(ComparisonLevel level, int countA, int countB)
    {
        var rarer = Math.Min(countA, countB);
        var commoner = Math.Max(countA, countB);
        if (rarer >= commoner) return false;
        return rarer <= level.MaxRarerCount || rarer <= level.MaxRarerShare * commoner;
    }

    private static bool Phonetic(ComparisonColumn column, PreparedRecord a, PreparedRecord b)
    {
        var (x, y) = column switch
        {
            ComparisonColumn.FirstName => (a.FirstNamePhonetic, b.FirstNamePhonetic),
            ComparisonColumn.FamilyName => (a.FamilyNamePhonetic, b.FamilyNamePhonetic),
            _ => (PhoneticCode.Encode(TextOf(column, a) ?? string.Empty), PhoneticCode.Encode(TextOf(column, b) ?? string.Empty)),
        };
        return x.Length > 0 && x == y;
    }

    /// <summary>"J" against "John", or the first name of one being a middle name of the other.</summary>
    private static bool InitialOrMiddleName(PreparedRecord left, PreparedRecord right)
    {
        var a = left.FirstNameKey;
        var b = right.FirstNameKey;
        return (a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal))
            || Array.IndexOf(left.MiddleNames, b) >= 0 || Array.IndexOf(right.MiddleNames, a) >= 0;
    }

    private static int DigitsApart(string a, string b)
    {
        var differing = 0;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] != b[i]) differing++;
        }

        return differing;
    }
}
