namespace SingleView.Core.Model;

/// <summary>Names of the person fields of the common data model, as feeds map them and golden records hold them.</summary>
public static class StandardFields
{
    public const string FirstName = "first_name";
    public const string MiddleNames = "middle_names";
    public const string FamilyName = "family_name";
    public const string FullName = "full_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Gender = "gender";
    public const string Address = "address";
    public const string Postcode = "postcode";
    public const string NhsNumber = "nhs_number";
    public const string Upn = "upn";
    public const string CasePersonId = "case_person_id";
    public const string City = "city";
    /// <summary>The prefix of a feed's own named identifiers: <c>identifier.police_person_id</c>.</summary>
    public const string IdentifierPrefix = "identifier.";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string SpecialEducationalNeeds = "special_educational_needs";
    public const string HouseholdKey = "household_key";
    public const string HouseholdRole = "household_role";
    public const string Restricted = "restricted";

    /// <summary>The fields a golden record carries, in display order.</summary>
    public static readonly IReadOnlyList<string> Golden =
    [
        FirstName, MiddleNames, FamilyName, DateOfBirth, Gender, Address, Postcode, NhsNumber, Upn, CasePersonId, Phone, Email,
    ];

    public static string? ValueOf(PersonRecord record, string field) => field switch
    {
        FirstName => record.FirstName,
        MiddleNames => record.MiddleNames,
        FamilyName => record.FamilyName,
        DateOfBirth => record.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Gender => record.Gender == Model.Gender.Unknown ? null : record.Gender.ToString(),
        Address => record.Address,
        Postcode => record.Postcode,
        NhsNumber => record.NhsNumber,
        Upn => record.Upn,
        CasePersonId => record.CasePersonId,
        Phone => record.Phone,
        Email => record.Email,
        _ => null,
    };
}
