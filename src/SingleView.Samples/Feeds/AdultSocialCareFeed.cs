using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Mosaic, adult social care: adults only, including young adults with an EHC plan moving into
/// adult services. The whole name in one column as "SURNAME, Forename", ISO dates, Windows-1252.
/// </summary>
internal sealed class AdultSocialCareFeed : FeedWriter
{
    public const string Name = "adult-social-care";

    public static readonly string[] Header =
    [
        "Mosaic ID", "Full Name", "DOB", "Gender", "NHS No", "Address", "Postcode", "Phone", "Status",
        "Start of Last Involvement", "Most Recent Interaction", "Primary Support Reason", "Team", "Worker", "Worker Role",
        "Worker Phone", "Worker Email",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        CarriesNhsNumber = true,
        Typo = 0.008,
        Nickname = 0.02,
        MiddleNameDropped = 0.2,
        PreviousAddress = 0.3,
        NhsNumberMissing = 0.05,
        Duplicate = 0.015,
    };

    private readonly PractitionerPool workers;

    public AdultSocialCareFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(",", ExtractFormat.Windows1252, "\r\n"), Header, Rates, 1_200_000) =>
        workers = new PractitionerPool(
            Random,
            25,
            ["Social Worker", "Occupational Therapist", "Community Care Assessor", "Senior Practitioner"],
            ["Adult Social Care - Locality North", "Adult Social Care - Locality South", "Transitions Team", "Community Mental Health Team"],
            "anytown.example",
            6);

    public override void WriteFamily(Family family)
    {
        foreach (var person in family.Members)
        {
            var age = person.AgeOn(ExtractDate);
            if (age < 18) continue;
            var share = person.IsParent ? 0.04
                : person.Sen == SenStatus.EducationHealthCarePlan ? 0.35
                : person.Sen == SenStatus.Support ? 0.05 : 0.01;
            if (!Corrupter.Chance(share)) continue;

            var closed = Corrupter.Chance(0.35);
            var start = DaysBeforeExtract(30, 1500);
            var recent = closed ? Earliest(start.AddDays(Random.Next(20, 400)), ExtractDate) : DaysBeforeExtract(0, 60);
            var reason = person.IsChild
                ? "Learning Disability Support"
                : Pick("Mental Health Support", "Physical Support", "Support with Memory and Cognition", "Social Support", "Learning Disability Support");
            var worker = workers.Pick(Random);
            Emit(person, family, (view, id) =>
            [
                id, FullName(view), Format(view.DateOfBirth, "yyyy-MM-dd"), view.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => null },
                view.NhsNumber, view.AddressLine, view.Postcode, view.Phone, closed ? "Closed" : "Open", Format(start, "yyyy-MM-dd"),
                Format(Latest(recent, start), "yyyy-MM-dd"), reason, worker.Team, worker.Name, worker.Role, worker.Phone, worker.Email,
            ]);
        }
    }

    protected override string NextRecordId() => NextSequence().ToString(CultureInfo.InvariantCulture);

    /// <summary>"SMITH, Jane Louise"; a row with neither name is left empty rather than a lone comma.</summary>
    private static string? FullName(PersonView view)
    {
        if (view.FirstName is null && view.FamilyName is null) return null;
        var given = view.MiddleName is null ? view.FirstName : $"{view.FirstName} {view.MiddleName}";
        return $"{view.FamilyName?.ToUpperInvariant()}, {given}";
    }
}
