using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// Police nominals: adults and some teenagers, and the children present at domestic abuse
/// incidents (Operation Encompass). Pipe-delimited, UPPER CASE names, yyyyMMdd, more typos than
/// any other source, and addresses from the time of the incident.
/// </summary>
internal sealed class PoliceFeed : FeedWriter
{
    public const string Name = "police";

    public static readonly string[] Header =
    [
        "NOMINAL_REF", "SURNAME", "FORENAME_1", "FORENAME_2", "DOB", "SEX", "ADDRESS", "POSTCODE", "ROLE", "INCIDENT_DATE",
        "DA_INCIDENT", "SAFEGUARDING_OFFENCES", "OFFENCE_1_DATE", "OFFENCE_1_TYPE", "OFFENCE_1_INVOLVEMENT",
        "NON_SAFEGUARDING_OFFENCES", "NOMINAL_STATUS", "POLICE_AREA", "OIC_NAME", "OIC_RANK", "OIC_PHONE", "OIC_EMAIL",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        Typo = 0.04,
        Nickname = 0.05,
        MiddleNameDropped = 0.5,
        DayMonthSwap = 0.008,
        DateOfBirthDigitOff = 0.008,
        DateOfBirthMissing = 0.02,
        PostcodeMissing = 0.04,
        PreviousAddress = 0.55,
        SurnameVariant = 0.04,
        Duplicate = 0.03,
        Unusable = 0.002,
    };

    private static readonly WeightedList<string> OffenceTypes = new(
    [
        ("Homicide", 1), ("Other sexual offences", 10), ("Possession of weapons", 20), ("Rape", 4), ("Robbery", 15),
        ("Violence with injury", 40), ("Violence without injury", 50),
    ]);

    private readonly PractitionerPool officers;

    public PoliceFeed(FeedContext context)
        : base(context, Name, new ExtractFormat("|", ExtractFormat.Utf8, "\n"), Header, Rates, 4_000_000) =>
        officers = new PractitionerPool(
            Random,
            35,
            ["PC", "DC", "PS", "DS"],
            ["Neighbourhood Policing", "Public Protection Unit", "Safeguarding Hub"],
            "police.anytown.example",
            7);

    public override void WriteFamily(Family family)
    {
        var domesticAbuse = Corrupter.Chance(0.03);
        var incident = DaysBeforeExtract(1, 400);
        var officer = officers.Pick(Random);
        foreach (var person in family.Members)
        {
            var age = person.AgeOn(ExtractDate);
            if (domesticAbuse)
            {
                if (person.IsChild && age < 18 && person.DateOfBirth < incident && Corrupter.Chance(0.9))
                {
                    Write(person, family, new Involvement("CHILD PRESENT", incident, true, null, null), officer);
                }
                else if (person.IsParent)
                {
                    var suspect = person.Sex == Sex.Male;
                    var offence = suspect && Corrupter.Chance(0.6) ? (Type: "Violence with injury", Involvement: "Suspect") : ((string Type, string Involvement)?)null;
                    Write(person, family, new Involvement(suspect ? "SUSPECT" : "VICTIM", incident, true, offence?.Type, offence?.Involvement), officer);
                }

                continue;
            }

            var known = age >= 18 ? Corrupter.Chance(0.05) : age >= 12 && Corrupter.Chance(0.025);
            if (!known) continue;
            var role = Pick("OFFENDER", "SUSPECT", "VICTIM", "WITNESS", age < 18 ? "MISSING PERSON" : "VICTIM");
            var offender = role is "OFFENDER" or "SUSPECT";
            var safeguarding = offender && Corrupter.Chance(0.35);
            Write(
                person,
                family,
                new Involvement(
                    role,
                    DaysBeforeExtract(1, 1500),
                    false,
                    safeguarding ? OffenceTypes.Pick(Random) : null,
                    safeguarding ? (role == "OFFENDER" ? "Convict" : "Suspect") : null,
                    NonSafeguarding: offender && Corrupter.Chance(0.5)),
                officers.Pick(Random));
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"NM{NextSequence():D7}");

    private void Write(Person person, Family family, Involvement involvement, Practitioner officer)
    {
        var offenceDate = involvement.OffenceType is null ? (DateOnly?)null : involvement.Date.AddDays(-Random.Next(0, 3));
        var active = involvement.Date >= ExtractDate.AddDays(-365);
        Emit(person, family, (view, id) =>
        [
            id, Upper(view.FamilyName), Upper(view.FirstName), Upper(view.MiddleName), Format(view.DateOfBirth, "yyyyMMdd"),
            view.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => "U" }, Upper(view.AddressLine), view.Postcode,
            involvement.Role, Format(involvement.Date, "yyyyMMdd"), involvement.DomesticAbuse ? "Y" : "N",
            involvement.OffenceType is null ? "N" : "Y", Format(offenceDate, "yyyyMMdd"), involvement.OffenceType,
            involvement.OffenceInvolvement, involvement.NonSafeguarding ? "Y" : "N", active ? "ACTIVE" : "INACTIVE",
            (view.Address ?? family.Address).Locality.PoliceArea, officer.Name, officer.Role, officer.Phone, officer.Email,
        ]);
    }

    private static string? Upper(string? text) => text?.ToUpperInvariant();

    private sealed record Involvement(
        string Role, DateOnly Date, bool DomesticAbuse, string? OffenceType, string? OffenceInvolvement, bool NonSafeguarding = false);
}
