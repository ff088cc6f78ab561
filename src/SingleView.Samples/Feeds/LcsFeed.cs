using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Liquidlogic LCS, children's social care: about one family in ten, children with their plan and
/// some of their parents, under a family reference. Semicolon-delimited, dd/MM/yyyy, spaced NHS
/// numbers, a byte-order mark, and a restricted flag for records whose address must not be shown.
/// </summary>
internal sealed class LcsFeed : FeedWriter
{
    public const string Name = "lcs";

    public static readonly string[] Header =
    [
        "Person ID", "Forename", "Middle Names", "Surname", "Date of Birth", "Gender", "NHS Number", "Address", "Postcode",
        "Telephone", "Email", "Family Reference", "Relationship", "Case Status", "Referral Date", "Plan Type", "Plan Start Date",
        "Plan End Date", "Missing Episode", "Allocated Worker", "Worker Role", "Team", "Worker Phone", "Worker Email", "Restricted",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        CarriesNhsNumber = true,
        Typo = 0.008,
        Nickname = 0.03,
        PreviousAddress = 0.25,
        Duplicate = 0.02,
        NhsNumberMissing = 0.08,
    };

    private readonly PractitionerPool socialWorkers;
    private int familyReference = 20_000;

    public LcsFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(";", ExtractFormat.Utf8WithByteOrderMark, "\r\n"), Header, Rates, 100_000) =>
        socialWorkers = new PractitionerPool(
            Random,
            40,
            ["Social Worker", "Senior Social Worker", "Advanced Practitioner", "Newly Qualified Social Worker"],
            ["Assessment and Intervention Team", "Safeguarding Team North", "Safeguarding Team South", "Children in Care Team", "Disabled Children's Team"],
            "anytown.example",
            2);

    public override void WriteFamily(Family family)
    {
        var children = family.Children.Where(c => c.AgeOn(ExtractDate) < 18).ToList();
        if (children.Count == 0 || !Corrupter.Chance(0.10)) return;

        var reference = string.Create(CultureInfo.InvariantCulture, $"FAM{familyReference += Random.Next(1, 9):D6}");
        var worker = socialWorkers.Pick(Random);
        var closed = Corrupter.Chance(0.3);
        var referral = DaysBeforeExtract(30, 1100);
        var planStart = Earliest(referral.AddDays(Random.Next(10, 60)), ExtractDate);
        var planEnd = closed ? Earliest(planStart.AddDays(Random.Next(90, 600)), ExtractDate.AddDays(-1)) : (DateOnly?)null;
        var plan = Random.NextDouble() switch
        {
            < 0.55 => "Child in Need",
            < 0.80 => "Child Protection Plan",
            < 0.92 => "Child Looked After",
            _ => "Assessment",
        };

        foreach (var adult in family.Adults.Where(_ => Corrupter.Chance(0.65)))
        {
            WritePerson(adult, family, reference, worker, closed, referral, null, planStart, planEnd);
        }

        foreach (var child in children)
        {
            WritePerson(child, family, reference, worker, closed, referral, plan, planStart, planEnd);
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"LCS{NextSequence():D6}");

    private void WritePerson(
        Person person, Family family, string reference, Practitioner worker, bool closed, DateOnly referral, string? plan, DateOnly planStart, DateOnly? planEnd)
    {
        var restricted = Corrupter.Chance(0.015);
        if (restricted) Tally.Count(CorruptionTally.Restricted);
        var suppressAddress = restricted && Corrupter.Chance(0.5);
        var missing = plan == "Child Looked After" && person.AgeOn(ExtractDate) >= 12 && Corrupter.Chance(0.2);
        Emit(person, family, (view, id) =>
        [
            id, view.FirstName, view.MiddleName, view.FamilyName, Format(view.DateOfBirth, "dd/MM/yyyy"),
            view.Sex switch { Sex.Female => "Female", Sex.Male => "Male", _ => "Unknown" }, Spaced(view.NhsNumber),
            suppressAddress ? null : view.AddressLine, suppressAddress ? null : view.Postcode, view.Phone, view.Email,
            reference, RelationshipOf(person), closed ? "Closed" : "Open", Format(referral, "dd/MM/yyyy"), plan,
            plan is null ? null : Format(planStart, "dd/MM/yyyy"), plan is null ? null : Format(planEnd, "dd/MM/yyyy"),
            person.IsChild ? (missing ? "Y" : "N") : null, worker.Name, worker.Role, worker.Team, worker.Phone, worker.Email,
            restricted ? "Y" : "N",
        ]);
    }

    private string RelationshipOf(Person person) => person.Role switch
    {
        FamilyRole.Mother => "Mother",
        FamilyRole.Father => "Father",
        FamilyRole.Stepfather => "Stepfather",
        _ => Corrupter.Chance(0.5) ? "Child" : person.Sex == Sex.Female ? "Daughter" : "Son",
    };

    /// <summary>LCS shows NHS numbers as the NHS writes them: 3, 3 and 4 digits.</summary>
    private static string? Spaced(string? nhsNumber) =>
        nhsNumber is { Length: 10 } ? $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}" : nhsNumber;
}
