using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Health visiting (the 0–19 service's caseload for the under-fives): nearly every child of 0–5 and
/// their mother, NHS numbers nearly always present, sex as NHS codes 1/2/9, dates as d-MMM-yyyy,
/// and a sensitive-record flag.
/// </summary>
internal sealed class HealthFeed : FeedWriter
{
    public const string Name = "health";

    public static readonly string[] Header =
    [
        "ClientId", "NHSNumber", "GivenName", "OtherGivenNames", "FamilyName", "BirthDate", "SexCode", "AddressLine", "PostCode",
        "ContactPhone", "ClientType", "FamilyRef", "GPPractice", "CaseloadStatus", "CaseloadStart", "HealthVisitingLevel",
        "HealthVisitor", "HVTeam", "HVPhone", "HVEmail", "SensitiveRecord",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        CarriesNhsNumber = true,
        Typo = 0.005,
        Nickname = 0.01,
        MiddleNameDropped = 0.1,
        DayMonthSwap = 0.002,
        DateOfBirthDigitOff = 0.002,
        DateOfBirthMissing = 0.001,
        PreviousAddress = 0.15,
        NhsNumberMissing = 0.005,
        NhsNumberInvalid = 0.002,
        Duplicate = 0.008,
    };

    private static readonly WeightedList<string> Levels = new(
        [("Universal", 80), ("Universal Plus", 14), ("Universal Partnership Plus", 6)]);

    private readonly PractitionerPool healthVisitors;
    private int familySequence = 70_000;

    public HealthFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(",", ExtractFormat.Utf8, "\n"), Header, Rates, 5_000_000) =>
        healthVisitors = new PractitionerPool(
            Random,
            20,
            ["Health Visitor", "Community Staff Nurse", "Nursery Nurse"],
            ["Health Visiting Team North", "Health Visiting Team South", "Health Visiting Team East", "Health Visiting Team West"],
            "nhs.anytown.example",
            8);

    public override void WriteFamily(Family family)
    {
        var children = family.Children.Where(c => c.AgeOn(ExtractDate) <= 5 && Corrupter.Chance(0.93)).ToList();
        if (children.Count == 0) return;
        var familyRef = string.Create(CultureInfo.InvariantCulture, $"HV{familySequence += Random.Next(1, 5):D6}");
        var visitor = healthVisitors.Pick(Random);
        var level = Levels.Pick(Random);
        if (family.Mother is { } mother && Corrupter.Chance(0.9))
        {
            var flag = level == "Universal" ? null : level;
            WritePerson(mother, family, familyRef, visitor, "Mother", flag, "Active", children.Max(c => c.DateOfBirth));
        }

        foreach (var child in children)
        {
            // At five the child moves from health visiting to school nursing: the record is discharged.
            var discharged = child.AgeOn(ExtractDate) >= 5;
            WritePerson(child, family, familyRef, visitor, "Child", level, discharged ? "Discharged" : "Active", child.DateOfBirth);
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"HC{NextSequence():D7}");

    private void WritePerson(Person person, Family family, string familyRef, Practitioner visitor, string clientType, string? level, string status, DateOnly caseloadStart)
    {
        var sensitive = Corrupter.Chance(0.008);
        if (sensitive) Tally.Count(CorruptionTally.Restricted);
        Emit(person, family, (view, id) =>
        [
            id, view.NhsNumber, view.FirstName, view.MiddleName, view.FamilyName, Format(view.DateOfBirth, "d-MMM-yyyy"),
            view.Sex switch { Sex.Male => "1", Sex.Female => "2", _ => "9" }, view.AddressLine, view.Postcode, view.Phone,
            clientType, familyRef, family.GpPractice, status, Format(caseloadStart, "d-MMM-yyyy"), level, visitor.Name,
            visitor.Team, visitor.Phone, visitor.Email, sensitive ? "Y" : "N",
        ]);
    }
}
