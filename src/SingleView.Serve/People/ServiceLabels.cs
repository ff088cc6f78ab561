using SingleView.Core.Model;

namespace SingleView.Serve.People;

/// <summary>How services, fields and relationships are named to people.</summary>
internal static class ServiceLabels
{
    public static string Of(Service service) => service switch
    {
        Service.School => "School",
        Service.ChildrensSocialCare => "Children's social care",
        Service.EarlyHelp => "Early Help",
        Service.Police => "Police",
        Service.Housing => "Housing",
        Service.AdultSocialCare => "Adult social care",
        Service.Health => "Health",
        Service.YouthJustice => "Youth justice",
        _ => service.ToString(),
    };

    public static string FieldLabel(string field) => field switch
    {
        StandardFields.FirstName => "First name",
        StandardFields.MiddleNames => "Middle names",
        StandardFields.FamilyName => "Family name",
        StandardFields.DateOfBirth => "Date of birth",
        StandardFields.Gender => "Gender",
        StandardFields.Address => "Address",
        StandardFields.Postcode => "Postcode",
        StandardFields.NhsNumber => "NHS number",
        StandardFields.Upn => "Unique pupil number",
        StandardFields.CasePersonId => "Case person ID",
        StandardFields.Phone => "Phone",
        StandardFields.Email => "Email",
        _ => field,
    };

    public static string RelationshipLabel(string type) => type switch
    {
        nameof(RelationshipType.ParentOrCarer) => "Parent or carer",
        nameof(RelationshipType.Child) => "Child",
        nameof(RelationshipType.Sibling) => "Sibling",
        nameof(RelationshipType.Partner) => "Partner",
        nameof(RelationshipType.HouseholdMember) => "Household member",
        _ => type,
    };
}
