using SingleView.Core.Model;
using SingleView.Serve.Quality;
using SingleView.Serve.Workbench;

namespace SingleView.Serve.Tests.Quality;

public class QualityMeasureTests
{
    private static PersonRecord Record(string id, string? first = "Amy", string? family = "Hart", string? nhs = null, string? phone = null, string? email = null, params string[] warnings) => new()
    {
        Key = new SourceRecordKey("health", id),
        SourceSystem = "Health",
        ExtractDate = new DateOnly(2026, 11, 20),
        FirstName = first,
        FamilyName = family,
        DateOfBirth = new DateOnly(2014, 1, int.Parse(id[^1..], System.Globalization.CultureInfo.InvariantCulture) + 1),
        NhsNumber = nhs,
        Phone = phone,
        Email = email,
        Warnings = warnings,
    };

    [Test]
    public void Fields_CountsPresentAndValidValues()
    {
        PersonRecord[] records =
        [
            Record("1", nhs: "9434765919", phone: "01610000001", email: "amy@example.org"),
            Record("2", first: null, phone: "123"),
            Record("3", warnings: "nhs_number: '123' is not a valid NHS number (dropped)"),
        ];

        var fields = QualityReports.Fields(records).ToDictionary(f => f.Field);

        fields["first_name"].Present.ShouldBe(2);
        fields["nhs_number"].Present.ShouldBe(2);
        fields["nhs_number"].Valid.ShouldBe(1);
        fields["phone"].Present.ShouldBe(2);
        fields["phone"].Valid.ShouldBe(1);
        fields["email"].Valid.ShouldBe(1);
    }

    [Test]
    public void Duplicates_SameNhsNumberOrSameNameAndBirthDate_CountsTheExtraRecords()
    {
        PersonRecord[] records =
        [
            Record("1", nhs: "9434765919"),
            Record("2", nhs: "9434765919"),
            Record("3"),
            Record("3") with { Key = new SourceRecordKey("health", "3b") },
            Record("5", first: "Ben"),
        ];

        QualityReports.Duplicates(records).ShouldBe(2);
    }

    [Test]
    public void Wilson_EightOfTen_IsTheKnownInterval()
    {
        var p = Proportion.Wilson(8, 10);

        p.Estimate.ShouldBe(0.8);
        p.Lower!.Value.ShouldBe(0.490, 0.001);
        p.Upper!.Value.ShouldBe(0.943, 0.001);
    }

    [Test]
    public void Wilson_NoDecisions_HasNoEstimate() =>
        Proportion.Wilson(0, 0).Estimate.ShouldBeNull();
}

public class FeedNameTests
{
    [TestCase("police", true)]
    [TestCase("youth-justice", true)]
    [TestCase("..", false)]
    [TestCase("../raw", false)]
    [TestCase("", false)]
    public void IsFeedName_OnlyFeedNamesReachTheLake(string feed, bool expected) =>
        QualityReports.IsFeedName(feed).ShouldBe(expected);
}
