using SingleView.Core.Model;
using SingleView.Core.Text;
using SingleView.Match.Model;

namespace SingleView.Match.Scoring;

/// <summary>Compares two prepared records comparison by comparison and adds up the evidence.</summary>
internal sealed class PairScorer(MatchModel model)
{
    public const string NullLevel = "null";

    public MatchExplanation Score(PreparedRecord left, PreparedRecord right)
    {
        var outcomes = new List<ComparisonOutcome>(10);
        var weight = model.PriorWeight;
        void Add(Comparison comparison, string? level, string? leftValue, string? rightValue)
        {
            var name = ComparisonLevels.All[comparison].Name;
            if (level is null)
            {
                outcomes.Add(new ComparisonOutcome(name, NullLevel, 0, leftValue, rightValue));
                return;
            }

            var observed = model.Level(comparison, level);
            weight += observed.Weight;
            outcomes.Add(new ComparisonOutcome(name, level, observed.Weight, leftValue, rightValue));
        }

        Add(Comparison.FirstName, FirstNameLevel(left, right), left.Record.FirstName, right.Record.FirstName);
        Add(Comparison.FamilyName, FamilyNameLevel(left.FamilyNameKey, right.FamilyNameKey), left.Record.FamilyName, right.Record.FamilyName);
        Add(Comparison.DateOfBirth, DateOfBirthLevel(left, right), left.DateOfBirthDigits, right.DateOfBirthDigits);
        Add(Comparison.Gender, GenderLevel(left.Record.Gender, right.Record.Gender), Text(left.Record.Gender), Text(right.Record.Gender));
        Add(Comparison.Address, AddressLevel(left, right), AddressText(left), AddressText(right));
        Add(Comparison.NhsNumber, ExactLevel(left.Record.NhsNumber, right.Record.NhsNumber), left.Record.NhsNumber, right.Record.NhsNumber);
        Add(Comparison.Upn, ExactLevel(left.Record.Upn, right.Record.Upn), left.Record.Upn, right.Record.Upn);
        Add(Comparison.CasePersonId, ExactLevel(left.Record.CasePersonId, right.Record.CasePersonId), left.Record.CasePersonId, right.Record.CasePersonId);
        Add(Comparison.Email, ExactLevel(left.Email, right.Email), left.Email, right.Email);

        return new MatchExplanation(model.PriorWeight, outcomes, weight, MatchModel.ProbabilityOf(weight), []);
    }

    private string? FirstNameLevel(PreparedRecord left, PreparedRecord right)
    {
        var a = left.FirstNameKey;
        var b = right.FirstNameKey;
        if (a.Length == 0 || b.Length == 0) return null;
        if (a == b) return "exact";
        if (model.Nicknames.AreAliases(a, b)) return "nickname";
        if (JaroWinkler.Similarity(a, b) >= 0.92) return "jaro_winkler_92";
        // "J" against "John", or the first name of one being the middle name of the other.
        if ((a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal))
            || (left.MiddleNamesKey.Length > 0 && left.MiddleNamesKey.Split(' ').Contains(b))
            || (right.MiddleNamesKey.Length > 0 && right.MiddleNamesKey.Split(' ').Contains(a)))
        {
            return "initial_or_middle_name";
        }

        return ComparisonLevels.Different;
    }

    internal static string? FamilyNameLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return null;
        if (a == b) return "exact";
        // Hyphenation and double-barrelled names: Smith against Smith-Jones.
        var aParts = a.Split(' ');
        var bParts = b.Split(' ');
        if (aParts.Any(p => p.Length > 1 && bParts.Contains(p))) return "shared_part";
        if (JaroWinkler.Similarity(a, b) >= 0.92) return "jaro_winkler_92";
        return ComparisonLevels.Different;
    }

    internal static string? DateOfBirthLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.Record.DateOfBirth is not { } a || right.Record.DateOfBirth is not { } b) return null;
        if (a == b) return "exact";
        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day) return "day_month_swapped";
        var differingDigits = 0;
        for (var i = 0; i < 8; i++)
        {
            if (left.DateOfBirthDigits![i] != right.DateOfBirthDigits![i]) differingDigits++;
        }

        if (differingDigits == 1) return "one_digit_off";
        if (Math.Abs(a.DayNumber - b.DayNumber) <= 366) return "within_a_year";
        return ComparisonLevels.Different;
    }

    private static string? GenderLevel(Gender a, Gender b)
    {
        if (a == Gender.Unknown || b == Gender.Unknown) return null;
        return a == b ? "same" : ComparisonLevels.Different;
    }

    /// <summary>
    /// The address and postcode as one piece of evidence: the full address where both have one,
    /// else how much of the postcode agrees.
    /// </summary>
    internal static string? AddressLevel(PreparedRecord left, PreparedRecord right)
    {
        var bothAddresses = left.AddressKey.Length > 0 && right.AddressKey.Length > 0;
        var postcodesDisagree = left.Postcode is not null && right.Postcode is not null && left.Postcode != right.Postcode;
        if (bothAddresses && !postcodesDisagree)
        {
            if (left.AddressKey == right.AddressKey) return "exact";
            if (left.HouseAndStreet.Length > 0 && left.HouseAndStreet == right.HouseAndStreet) return "same_house_and_street";
        }

        if (left.Postcode is not { } a || right.Postcode is not { } b) return bothAddresses ? ComparisonLevels.Different : null;
        if (a == b) return "postcode";
        var sector = Core.Standardisation.Postcode.Sector(a);
        if (sector is not null && sector == Core.Standardisation.Postcode.Sector(b)) return "postcode_sector";
        var district = Core.Standardisation.Postcode.District(a);
        if (district is not null && district == Core.Standardisation.Postcode.District(b)) return "postcode_district";
        return ComparisonLevels.Different;
    }

    private static string? AddressText(PreparedRecord record) =>
        record.Record.Address is null && record.Postcode is null ? null : $"{record.Record.Address} {record.Postcode}".Trim();

    private static string? ExactLevel(string? a, string? b)
    {
        if (a is null || b is null) return null;
        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? "exact" : ComparisonLevels.Different;
    }

    private static string? Text(Gender gender) => gender == Gender.Unknown ? null : gender.ToString();
}
