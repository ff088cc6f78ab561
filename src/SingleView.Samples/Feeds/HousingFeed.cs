using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Social housing tenancies: one row per household member under the tenancy reference, titles in
/// the first-name column ("Mrs Jane"), dd.MM.yyyy, and the tenancy's anti-social behaviour,
/// eviction, notice seeking possession and rent arrears as Yes/No with the state of the case.
/// A family that moved out of a tenancy still appears at the old address with the tenancy ended.
/// </summary>
internal sealed class HousingFeed : FeedWriter
{
    public const string Name = "housing";

    public static readonly string[] Header =
    [
        "TenancyRef", "PersonRef", "FirstName", "LastName", "DateOfBirth", "RelationshipToTenant", "PropertyAddress",
        "PropertyPostcode", "ContactPhone", "ContactEmail", "TenancyStatus", "TenancyStartDate", "TenancyEndDate", "Landlord",
        "HousingOfficer", "OfficerPhone", "OfficerEmail", "ASB", "ASBCase", "Eviction", "EvictionCase", "NSP", "NSPCase",
        "RentArrears", "RentArrearsCase",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        Typo = 0.01,
        Nickname = 0.05,
        DateOfBirthMissing = 0.04,
        PostcodeMissing = 0.005,
        PreviousAddress = 0,
        SurnameVariant = 0.03,
        Duplicate = 0.01,
    };

    private static readonly WeightedList<string> Landlords = new(
        [("Anytown Homes", 50), ("Moorside Housing Association", 25), ("Brookvale Housing Trust", 25)]);

    private readonly PractitionerPool officers;
    private int tenancySequence = 400_000;

    public HousingFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(",", ExtractFormat.Utf8, "\r\n"), Header, Rates, 10_000) =>
        officers = new PractitionerPool(
            Random,
            20,
            ["Housing Officer", "Tenancy Sustainment Officer", "Neighbourhood Officer"],
            ["Housing Management North", "Housing Management South", "Tenancy Support"],
            "homes.anytown.example",
            4);

    public override void WriteFamily(Family family)
    {
        if (!Corrupter.Chance(0.17)) return;
        var tenancy = string.Create(CultureInfo.InvariantCulture, $"TEN{tenancySequence += Random.Next(1, 12):D6}");
        var ended = family.PreviousAddress is not null && Corrupter.Chance(0.5);
        var address = ended ? family.PreviousAddress! : family.Address;
        if (ended) Tally.Count(CorruptionTally.PreviousAddress);
        var end = ended ? family.MovedOn : null;
        var start = ended
            ? end!.Value.AddDays(-Random.Next(365, 12 * 365))
            : family.MovedOn is { } moved ? moved : DaysBeforeExtract(200, 15 * 365);
        var landlord = Landlords.Pick(Random);
        var officer = officers.Pick(Random);
        var flags = new[] { Flag(0.06), Flag(0.01), Flag(0.03), Flag(0.15) };
        var tenant = family.Mother is { } mother && (family.Adults.Count == 1 || Corrupter.Chance(0.8)) ? mother : family.Adults[0];
        foreach (var person in family.Members)
        {
            var relationship = person == tenant ? "Tenant"
                : person.IsParent ? "Partner"
                : person.Sex == Sex.Female ? "Daughter" : "Son";
            var title = person.IsParent && Corrupter.Chance(0.85) ? TitleOf(person, family) : null;
            Emit(person, family, (view, id) =>
            [
                tenancy, id, title is null ? view.FirstName : $"{title} {view.FirstName}", view.FamilyName,
                Format(view.DateOfBirth, "dd.MM.yyyy"), relationship, address.OneLine, view.PostcodeMissing ? null : address.Postcode,
                view.Phone, view.Email, ended ? "Ended" : "Current", Format(start, "dd.MM.yyyy"), Format(end, "dd.MM.yyyy"),
                landlord, officer.Name, officer.Phone, officer.Email,
                flags[0].Flag, flags[0].Case, flags[1].Flag, flags[1].Case, flags[2].Flag, flags[2].Case, flags[3].Flag, flags[3].Case,
            ]);
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"HP{NextSequence():D6}");

    private (string Flag, string Case) Flag(double share) =>
        Corrupter.Chance(share) ? ("Yes", Corrupter.Chance(0.5) ? "Case open" : "Case closed") : ("No", "No records found");

    private string TitleOf(Person person, Family family) =>
        person.Sex == Sex.Male ? "Mr"
        : family.Adults.Count == 2 && person.FamilyName == family.Adults[1].FamilyName ? "Mrs"
        : Pick("Ms", "Miss", "Mrs");
}
