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
        StandardFields.DateOfBirth, StandardFields.Gender, StandardFields.Address, StandardFields.Postcode, StandardFields.City,
        StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId, StandardFields.Phone, StandardFields.Email,
        StandardFields.SpecialEducationalNeeds, StandardFields.HouseholdKey, StandardFields.HouseholdRole, StandardFields.Restricted,
    };

    public static readonly IReadOnlySet<string> Involvement = new HashSet<string>(StringComparer.Ordinal)
    {
        InvolvementStatus, InvolvementStartDate, InvolvementEndDate, InvolvementNature, InvolvementOrganisation,
        InvolvementContactName, InvolvementContactRole, InvolvementContactPhone, InvolvementContactEmail,
    };

    /// <summary>The identifiers the common model has a field of its own for (a feed's others are <c>identifier.&lt;name&gt;</c>).</summary>
    public static readonly IReadOnlySet<string> Identifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId,
    };

    /// <summary>Targets whose cells are dates, read only in the feed's declared formats.</summary>
    public static readonly IReadOnlySet<string> Dates = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.DateOfBirth, InvolvementStartDate, InvolvementEndDate,
    };

    /// <summary>
    /// Text targets that may be read from several columns joined with one space (street number, street and
    /// locality into an address). Dates, identifiers, codes and flags are one column each: joining them
    /// would make a value no source ever held.
    /// </summary>
    public static readonly IReadOnlySet<string> Joinable = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardFields.FirstName, StandardFields.MiddleNames, StandardFields.FamilyName, StandardFields.FullName,
        StandardFields.Address, StandardFields.Postcode, StandardFields.City,
        InvolvementNature, InvolvementOrganisation, InvolvementContactName, InvolvementContactRole,
    };

    /// <summary>
    /// A feed's own identifier, <c>identifier.&lt;name&gt;</c>: the name is lower-case letters, digits and
    /// '_', starting with a letter, and not one of the identifiers the model has a field for (those are
    /// checked and compared by their own rules, so they are mapped as nhs_number, upn, case_person_id).
    /// </summary>
    public static bool IsNamedIdentifier(string target) =>
        target.StartsWith(StandardFields.IdentifierPrefix, StringComparison.Ordinal) && NamedIdentifierProblem(target[StandardFields.IdentifierPrefix.Length..]) is null;

    /// <summary>What is wrong with a named identifier's name, or null.</summary>
    public static string? NamedIdentifierProblem(string name)
    {
        if (name.Length == 0) return "has no name after 'identifier.' (e.g. identifier.police_person_id)";
        if (!char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return $"'{name}' must be lower-case letters, digits or '_', starting with a letter";
        }

        return Identifiers.Contains(name) ? $"'{name}' has a field of its own: map it as {name}, which checks it as such" : null;
    }

    /// <summary>Person fields, named identifiers included: a source column may feed only one of them.</summary>
    public static bool IsPersonField(string target) => Person.Contains(target) || IsNamedIdentifier(target);

    public static bool IsKnown(Service service, string target) =>
        Person.Contains(target)
        || IsNamedIdentifier(target)
        || Involvement.Contains(target)
        || (target.StartsWith(DetailPrefix, StringComparison.Ordinal) && ServiceDetailCatalogue.IsKnown(service, target[DetailPrefix.Length..]));
}
