using SingleView.Core.Model;

namespace SingleView.Ingest.Definitions;

/// <summary>The common-model fields a feed's columns may map to.</summary>
public static class TargetFields
{
    public const string InvolvementPrefix = "involvement.";
    public const string DetailPrefix = "detail.";

    public const string InvolvementStatus = "involvement.status";
    public const string InvolvementStartDate = "involvement.start_date";
    public const string InvolvementEndDate = "involvement.end_date";
    public const string InvolvementNature = "involvement.nature";
    public const string InvolvementOrganisation = "involvement.organisation";
    public const string InvolvementContactName = "involvement.contact_name";
    public const string InvolvementContactRole = "involvement.contact_role";
    public const string InvolvementContactPhone = "involvement.contact_phone";
    public const string InvolvementContactEmail = "involvement.contact_email";

    public static readonly IReadOnlySet<string> Person = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.FirstName, StandardFields.MiddleNames, StandardFields.FamilyName, StandardFields.FullName,
        StandardFields.DateOfBirth, StandardFields.Gender, StandardFields.Address, StandardFields.Postcode,
        StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId, StandardFields.Phone, StandardFields.Email,
        StandardFields.SpecialEducationalNeeds, StandardFields.HouseholdKey, StandardFields.HouseholdRole, StandardFields.Restricted,
    };

    public static readonly IReadOnlySet<string> Involvement = new HashSet<string>(StringComparer.Ordinal)
    {
        InvolvementStatus, InvolvementStartDate, InvolvementEndDate, InvolvementNature, InvolvementOrganisation,
        InvolvementContactName, InvolvementContactRole, InvolvementContactPhone, InvolvementContactEmail,
    };

    public static readonly IReadOnlySet<string> Identifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId,
    };

    /// <summary>Targets whose cells are dates, read only in the feed's declared formats.</summary>
    public static readonly IReadOnlySet<string> Dates = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.DateOfBirth, InvolvementStartDate, InvolvementEndDate,
    };

    public static bool IsKnown(Service service, string target) =>
        Person.Contains(target)
        || Involvement.Contains(target)
        || (target.StartsWith(DetailPrefix, StringComparison.Ordinal) && ServiceDetailCatalogue.IsKnown(service, target[DetailPrefix.Length..]));
}
