using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Early Help Module: whole families supported by family workers. Names as families give them
/// (Freddie, Mo, Liz), d/M/yyyy dates, addresses that go stale after an episode closes, and no NHS
/// numbers at all.
/// </summary>
internal sealed class EarlyHelpFeed : FeedWriter
{
    public const string Name = "ehm";

    public static readonly string[] Header =
    [
        "EHM_Ref", "Family_ID", "First_Name", "Last_Name", "DOB", "Sex", "Address", "Post_Code", "Contact_Tel", "Role_In_Family",
        "Episode_Start", "Episode_End", "Episode_Status", "Reason_For_Support", "Consent_Recorded", "Key_Worker",
        "Key_Worker_Role", "Key_Worker_Team", "Key_Worker_Tel", "Key_Worker_Email",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        Typo = 0.015,
        Nickname = 0.4,
        DayMonthSwap = 0.01,
        DateOfBirthDigitOff = 0.006,
        DateOfBirthMissing = 0.02,
        PostcodeMissing = 0.03,
        PreviousAddress = 0.45,
        SurnameVariant = 0.03,
        Duplicate = 0.02,
        Unusable = 0.002,
    };

    private static readonly string[] Reasons =
    [
        "Parenting support", "School attendance", "Domestic abuse", "Housing", "Emotional wellbeing", "Financial hardship",
        "Substance misuse in the family", "Child behaviour",
    ];

    private readonly PractitionerPool keyWorkers;
    private int familySequence = 5_000;

    public EarlyHelpFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(",", ExtractFormat.Utf8, "\n"), Header, Rates, 300_000) =>
        keyWorkers = new PractitionerPool(
            Random,
            30,
            ["Family Support Worker", "Early Help Practitioner", "Family Worker", "Early Help Coordinator"],
            ["Early Help Hub North", "Early Help Hub South", "Early Help Hub East", "Family Hub Westhaven"],
            "anytown.example",
            3);

    public override void WriteFamily(Family family)
    {
        if (!Corrupter.Chance(0.12)) return;
        var familyId = string.Create(CultureInfo.InvariantCulture, $"EHF{familySequence += Random.Next(1, 6):D5}");
        var worker = keyWorkers.Pick(Random);
        var closed = Corrupter.Chance(0.4);
        var start = DaysBeforeExtract(14, 730);
        var end = closed ? Earliest(start.AddDays(Random.Next(60, 360)), ExtractDate.AddDays(-1)) : (DateOnly?)null;
        var reason = Pick(Reasons);
        var consent = Corrupter.Chance(0.9) ? "Yes" : "No";
        var members = family.Adults.Where(_ => Corrupter.Chance(0.9))
            .Concat(family.Children.Where(c => c.AgeOn(ExtractDate) < 18 && Corrupter.Chance(0.97)));
        foreach (var person in members)
        {
            var role = person.Role switch
            {
                FamilyRole.Mother or FamilyRole.Father => "Parent",
                FamilyRole.Stepfather => "Step-parent",
                _ => "Child",
            };
            Emit(person, family, (view, id) =>
            [
                id, familyId, view.FirstName, view.FamilyName, Format(view.DateOfBirth, "d/M/yyyy"),
                view.Sex switch { Sex.Female => "Female", Sex.Male => "Male", _ => null }, view.AddressLine, view.Postcode,
                view.Phone, role, Format(start, "d/M/yyyy"), Format(end, "d/M/yyyy"), closed ? "Closed" : "Open", reason, consent,
                worker.Name, worker.Role, worker.Team, worker.Phone, worker.Email,
            ]);
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"EH-{NextSequence():D6}");
}
