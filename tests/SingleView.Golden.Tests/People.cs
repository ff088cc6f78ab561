using SingleView.Core.Model;

namespace SingleView.Golden.Tests;

internal static class People
{
    public static PersonRecord Record(string feed, string id, string first, string dob, string? household = null, HouseholdRole role = HouseholdRole.Unknown, string? address = "12 Mill Lane", bool sen = false) => new()
    {
        Key = new SourceRecordKey(feed, id),
        SourceSystem = feed.ToUpperInvariant(),
        ExtractDate = new DateOnly(2026, 11, 20),
        FirstName = first,
        FamilyName = "Okafor",
        DateOfBirth = DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture),
        Address = address,
        Postcode = address is null ? null : "AT1 2AB",
        HouseholdKey = household,
        HouseholdRole = role,
        SpecialEducationalNeeds = sen,
    };

    public static GoldenRecordBuilder Builder => new(Golden.Survivorship.SurvivorshipRules.LoadDirectory(SingleView.Tests.Shared.RepositoryRoot.Config));
}
