namespace SingleView.Match.Model;

/// <summary>The comparisons the matcher makes between two records, and the ordered levels of each.</summary>
public enum Comparison
{
    FirstName,
    FamilyName,
    DateOfBirth,
    Gender,
    Address,
    NhsNumber,
    Upn,
    CasePersonId,
    Email,
}

public static class ComparisonLevels
{
    /// <summary>Config name of each comparison, and its levels from strongest agreement to disagreement.</summary>
    public static readonly IReadOnlyDictionary<Comparison, (string Name, string[] Levels)> All =
        new Dictionary<Comparison, (string, string[])>
        {
            [Comparison.FirstName] = ("first_name", ["exact", "nickname", "jaro_winkler_92", "initial_or_middle_name", "different"]),
            [Comparison.FamilyName] = ("family_name", ["exact", "shared_part", "jaro_winkler_92", "different"]),
            [Comparison.DateOfBirth] = ("date_of_birth", ["exact", "day_month_swapped", "one_digit_off", "within_a_year", "different"]),
            [Comparison.Gender] = ("gender", ["same", "different"]),
            [Comparison.Address] = ("address", ["exact", "same_house_and_street", "postcode", "postcode_sector", "postcode_district", "different"]),
            [Comparison.NhsNumber] = ("nhs_number", ["exact", "different"]),
            [Comparison.Upn] = ("upn", ["exact", "different"]),
            [Comparison.CasePersonId] = ("case_person_id", ["exact", "different"]),
            [Comparison.Email] = ("email", ["exact", "different"]),
        };

    public const string Different = "different";
}
