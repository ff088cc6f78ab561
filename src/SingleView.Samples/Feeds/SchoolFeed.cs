using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// The pupil roll of the authority's schools: children of reception to year 13 age, legal names,
/// UPNs, ISO dates. A pupil dual-registered at a second school or in off-site provision appears twice.
/// </summary>
internal sealed class SchoolFeed : FeedWriter
{
    public const string Name = "school";

    public static readonly string[] Header =
    [
        "roll_id", "upn", "legal_forename", "middle_names", "legal_surname", "date_of_birth", "gender", "address", "postcode",
        "school_urn", "school_name", "school_phone", "year_group", "enrolment_status", "admission_type", "entry_date",
        "leaving_date", "sen_provision", "latest_exclusion", "exclusion_date",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        CarriesUpn = true,
        Typo = 0.004,
        Nickname = 0,
        MiddleNameDropped = 0.05,
        DayMonthSwap = 0.002,
        DateOfBirthDigitOff = 0.002,
        DateOfBirthMissing = 0.001,
        PostcodeMissing = 0.003,
        PreviousAddress = 0.1,
        SurnameVariant = 0.015,
        Duplicate = 0.012,
        Unusable = 0.0005,
    };

    private static readonly School OffSiteProvision = new("139990", "1100", "Anytown Pupil Referral Unit", "01632 960990", IsSecondary: true);

    private readonly int academicYear;

    public SchoolFeed(FeedContext context)
        : base(context, Name, new ExtractFormat(",", ExtractFormat.Utf8, "\r\n"), Header, Rates, 1_000_000) =>
        academicYear = context.ExtractDate.Month >= 9 ? context.ExtractDate.Year : context.ExtractDate.Year - 1;

    public override void WriteFamily(Family family)
    {
        foreach (var child in family.Children)
        {
            var yearGroup = child.AgeOn(new DateOnly(academicYear, 8, 31)) - 4;
            if (yearGroup is < 0 or > 13) continue;
            if (!Corrupter.Chance(yearGroup <= 11 ? 0.97 : 0.45)) continue;

            var school = yearGroup <= 6 ? family.PrimarySchool : family.SecondarySchool;
            var left = Corrupter.Chance(0.03);
            var entry = Corrupter.Chance(0.1)
                ? DaysBeforeExtract(20, 700)
                : new DateOnly(academicYear - (yearGroup <= 6 ? yearGroup : yearGroup - 7), 9, 1);
            var leaving = left ? Latest(entry.AddDays(1), DaysBeforeExtract(1, 150)) : (DateOnly?)null;
            var (exclusion, exclusionDate) = ExclusionOf(yearGroup);
            var dualRegistration = false;
            Emit(child, family, (view, id) =>
            {
                // The second record of a pupil is their registration elsewhere: a subsidiary school or off-site provision.
                var (rowSchool, admission) = dualRegistration
                    ? (Corrupter.Chance(0.5) ? (OffSiteProvision, "O") : (family.PrimarySchool == school ? family.SecondarySchool : family.PrimarySchool, "S"))
                    : (school, "M");
                dualRegistration = true;
                return
                [
                    id, view.Upn, view.FirstName, view.MiddleName, view.FamilyName, Format(view.DateOfBirth, "yyyy-MM-dd"),
                    view.Sex switch { Sex.Female => "F", Sex.Male => "M", _ => null }, view.AddressLine, view.Postcode,
                    rowSchool.Urn, rowSchool.Name, rowSchool.Phone, yearGroup == 0 ? "R" : yearGroup.ToString(CultureInfo.InvariantCulture),
                    left ? "L" : "C", admission, Format(entry, "yyyy-MM-dd"), Format(leaving, "yyyy-MM-dd"),
                    child.Sen switch { SenStatus.Support => "K", SenStatus.EducationHealthCarePlan => "E", _ => "N" },
                    exclusion, Format(exclusionDate, "yyyy-MM-dd"),
                ];
            });
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"SR{NextSequence():D7}");

    private (string? Kind, DateOnly? Date) ExclusionOf(int yearGroup)
    {
        var roll = Random.NextDouble();
        var share = yearGroup >= 7 ? 1.0 : 0.2;
        if (roll < 0.002 * share) return ("Permanent exclusion", DaysBeforeExtract(5, 150));
        if (roll < 0.04 * share) return ("Suspension", DaysBeforeExtract(5, 150));
        return (null, null);
    }
}
