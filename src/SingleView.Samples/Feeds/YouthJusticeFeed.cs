using System.Globalization;
using SingleView.Samples.Corruption;
using SingleView.Samples.Output;
using SingleView.Samples.Population;

namespace SingleView.Samples.Feeds;

/// <summary>
/// The youth justice service: a small caseload of 10–17 year olds with their order and risk level.
/// Tab-separated, dd-MM-yyyy, UPN where the case manager found it.
/// </summary>
internal sealed class YouthJusticeFeed : FeedWriter
{
    public const string Name = "youth-justice";

    public static readonly string[] Header =
    [
        "ChildId", "Forename", "Surname", "DOB", "Gender", "Address", "Postcode", "UPN", "OrderType", "OrderStart", "OrderEnd",
        "RiskLevel", "CaseStatus", "CaseManager", "CaseManagerPhone", "CaseManagerEmail",
    ];

    private static readonly CorruptionRates Rates = new()
    {
        CarriesUpn = true,
        Typo = 0.01,
        Nickname = 0.1,
        PreviousAddress = 0.3,
        UpnMissing = 0.4,
        Duplicate = 0.01,
    };

    private readonly PractitionerPool caseManagers;

    public YouthJusticeFeed(FeedContext context)
        : base(context, Name, new ExtractFormat("\t", ExtractFormat.Utf8, "\n"), Header, Rates, 30_000) =>
        caseManagers = new PractitionerPool(
            Random,
            8,
            ["Youth Justice Officer", "Case Manager"],
            ["Youth Justice Service"],
            "anytown.example",
            9);

    public override void WriteFamily(Family family)
    {
        foreach (var child in family.Children)
        {
            var age = child.AgeOn(ExtractDate);
            if (age is < 10 or > 17 || !Corrupter.Chance(child.Sex == Sex.Male ? 0.018 : 0.006)) continue;
            var closed = Corrupter.Chance(0.4);
            var start = DaysBeforeExtract(20, 900);
            var end = closed ? Earliest(start.AddDays(Random.Next(90, 365)), ExtractDate.AddDays(-1)) : (DateOnly?)null;
            var order = Pick("Referral Order", "Youth Rehabilitation Order", "Youth Conditional Caution", "Detention and Training Order", "Community Resolution");
            var risk = Pick("Low", "Low", "Medium", "High");
            var manager = caseManagers.Pick(Random);
            Emit(child, family, (view, id) =>
            [
                id, view.FirstName, view.FamilyName, Format(view.DateOfBirth, "dd-MM-yyyy"),
                view.Sex switch { Sex.Female => "Female", Sex.Male => "Male", _ => "Not known" }, view.AddressLine, view.Postcode,
                view.Upn, order, Format(start, "dd-MM-yyyy"), Format(end, "dd-MM-yyyy"), risk, closed ? "Closed" : "Open",
                manager.Name, manager.Phone, manager.Email,
            ]);
        }
    }

    protected override string NextRecordId() => string.Create(CultureInfo.InvariantCulture, $"YJ{NextSequence():D6}");
}
