using SingleView.Core.Model;
using SingleView.Ingest.Definitions;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// The person and involvement targets as small numbers, so that a row's cell for a target is an array
/// element found once per delivery instead of a dictionary lookup by name for every cell of every row.
/// </summary>
internal static class Targets
{
    public const int FirstName = 0;
    public const int MiddleNames = 1;
    public const int FamilyName = 2;
    public const int FullName = 3;
    public const int DateOfBirth = 4;
    public const int Gender = 5;
    public const int Address = 6;
    public const int Postcode = 7;
    public const int NhsNumber = 8;
    public const int Upn = 9;
    public const int CasePersonId = 10;
    public const int Phone = 11;
    public const int Email = 12;
    public const int SpecialEducationalNeeds = 13;
    public const int HouseholdKey = 14;
    public const int HouseholdRole = 15;
    public const int Restricted = 16;
    public const int InvolvementStatus = 17;
    public const int InvolvementStartDate = 18;
    public const int InvolvementEndDate = 19;
    public const int InvolvementNature = 20;
    public const int InvolvementOrganisation = 21;
    public const int InvolvementContactName = 22;
    public const int InvolvementContactRole = 23;
    public const int InvolvementContactPhone = 24;
    public const int InvolvementContactEmail = 25;
    public const int City = 26;

    /// <summary>Each number's target name, in number order.</summary>
    public static readonly string[] Names =
    [
        StandardFields.FirstName, StandardFields.MiddleNames, StandardFields.FamilyName, StandardFields.FullName,
        StandardFields.DateOfBirth, StandardFields.Gender, StandardFields.Address, StandardFields.Postcode,
        StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId, StandardFields.Phone, StandardFields.Email,
        StandardFields.SpecialEducationalNeeds, StandardFields.HouseholdKey, StandardFields.HouseholdRole, StandardFields.Restricted,
        TargetFields.InvolvementStatus, TargetFields.InvolvementStartDate, TargetFields.InvolvementEndDate, TargetFields.InvolvementNature,
        TargetFields.InvolvementOrganisation, TargetFields.InvolvementContactName, TargetFields.InvolvementContactRole,
        TargetFields.InvolvementContactPhone, TargetFields.InvolvementContactEmail, StandardFields.City,
    ];
}
