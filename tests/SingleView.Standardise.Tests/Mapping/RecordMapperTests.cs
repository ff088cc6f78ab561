using SingleView.Core.Model;
using SingleView.Standardise.Mapping;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Mapping;

public class RecordMapperTests
{
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    [Test]
    public void Map_ValidRow_KeepsNamesAsGivenAndStandardisesDateGenderAndPostcode()
    {
        var record = Map(Fixtures.Row("7", forename: " o’brien ", surname: "SMITH - JONES", sex: "2", postcode: "m1 1ae"));

        record.Key.ShouldBe(new SourceRecordKey("lcs", "7"));
        record.FirstName.ShouldBe("o’brien");
        record.FamilyName.ShouldBe("SMITH - JONES");
        record.DateOfBirth.ShouldBe(new DateOnly(2015, 2, 1));
        record.Gender.ShouldBe(Gender.Female);
        record.Postcode.ShouldBe("M1 1AE");
        record.PostcodeInvalid.ShouldBeFalse();
        record.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void Map_InvalidNhsNumber_IsLeftEmptyWithAWarning()
    {
        var record = Map(Fixtures.Row("1", nhs: "943 476 5918"));

        record.NhsNumber.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("not a valid NHS number");
    }

    [Test]
    public void Map_ValidNhsNumberWithSpaces_IsKeptAsDigits()
    {
        Map(Fixtures.Row("1", nhs: "943 476 5919")).NhsNumber.ShouldBe("9434765919");
    }

    [Test]
    public void Map_InvalidPostcode_IsKeptAndFlaggedWithAWarning()
    {
        var record = Map(Fixtures.Row("1", postcode: "QQ1 1ZZ"));

        record.Postcode.ShouldBe("QQ1 1ZZ");
        record.PostcodeInvalid.ShouldBeTrue();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("not a valid UK postcode");
    }

    [Test]
    public void Map_InvalidPhone_IsLeftEmptyWithAWarning()
    {
        var record = Map(Fixtures.Row("1", phone: "12345"));

        record.Phone.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("phone");
    }

    [TestCase("31/02/2015", "date_of_birth: '31/02/2015' is not a date in the declared format(s) dd/MM/yyyy or yyyy-MM-dd (left empty)")]
    [TestCase("19450493", "date_of_birth: '19450493' is not a date in the declared format(s) dd/MM/yyyy or yyyy-MM-dd (left empty)")]
    [TestCase("21/11/2026", "date_of_birth: date of birth 2026-11-21 is after the extract date 2026-11-20 (left empty)")]
    [TestCase("19/11/1906", "date_of_birth: date of birth 1906-11-19 is more than 120 years before the extract (format.date_of_birth_window.max_age_years) (left empty)")]
    public void Map_BadDateOfBirth_IsLeftEmptyWithAWarningAndTheRecordKept(string dob, string warning)
    {
        var record = Map(Fixtures.Row("1", dob: dob));

        record.DateOfBirth.ShouldBeNull();
        record.Warnings.ShouldBe([warning]);
        (record.FirstName, record.FamilyName, record.NhsNumber).ShouldBe(("Ann", "Smith", "9434765919"));
    }

    [Test]
    public void Map_DateOfBirthOnTheWindowsEdge_IsKept()
    {
        Map(Fixtures.Row("1", dob: "20/11/1906")).DateOfBirth.ShouldBe(new DateOnly(1906, 11, 20));
    }

    [Test]
    public void Map_HistoricalWindow_KeepsADateOfBirthCenturiesAgo()
    {
        var definition = Fixtures.Definition(format: "  date_of_birth_window: { max_age_years: 400 }");

        var record = new RecordMapper(definition, ExtractDate, "raw/lcs/x.csv").Map(Row(Fixtures.Row("1", dob: "01/03/1702"))).Record.ShouldNotBeNull();

        record.DateOfBirth.ShouldBe(new DateOnly(1702, 3, 1));
        record.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void Map_HistoricalWindow_StillBlanksADateBeyondIt()
    {
        var definition = Fixtures.Definition(format: "  date_of_birth_window: { max_age_years: 400 }");

        var record = new RecordMapper(definition, ExtractDate, "raw/lcs/x.csv").Map(Row(Fixtures.Row("1", dob: "01/03/1602"))).Record.ShouldNotBeNull();

        record.DateOfBirth.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("more than 400 years");
    }

    [Test]
    public void Map_NoNameAndNoIdentifier_IsRejected()
    {
        var result = Mapper().Map(Row(Fixtures.Row("1", forename: "", surname: "", nhs: "")));

        result.Rejection.ShouldNotBeNull().ShouldContain("no name and no identifier");
    }

    [Test]
    public void Map_MappedHouseholdRoleValue_IsTranslatedBeforeReading()
    {
        Map(Fixtures.Row("1", role: "MUM")).HouseholdRole.ShouldBe(HouseholdRole.ParentOrCarer);
    }

    [Test]
    public void Map_MappedStatusValue_IsTranslatedBeforeReading()
    {
        Map(Fixtures.Row("1", status: "C")).Involvement.ShouldNotBeNull().Status.ShouldBe(InvolvementStatus.Historic);
    }

    [Test]
    public void Map_UnparseableStartDate_IsLeftEmptyWithAWarningNotRejected()
    {
        var record = Map(Fixtures.Row("1", start: "sometime"));

        record.Involvement.ShouldNotBeNull().StartDate.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("involvement.start_date");
    }

    [Test]
    public void Map_AnyRow_CarriesTheFeedsServiceAndDetails()
    {
        var involvement = Map(Fixtures.Row("1", plan: "Child protection")).Involvement.ShouldNotBeNull();

        involvement.Service.ShouldBe(Service.ChildrensSocialCare);
        involvement.StartDate.ShouldBe(new DateOnly(2026, 1, 1));
        involvement.Details.ShouldBe(new Dictionary<string, string> { ["plan_type"] = "Child protection" });
    }

    [Test]
    public void Map_EmptyDetail_IsNotKept()
    {
        Map(Fixtures.Row("1", plan: "")).Involvement.ShouldNotBeNull().Details.ShouldBeEmpty();
    }

    [Test]
    public void Map_CellStartingWithAFormulaCharacter_IsKeptAsText()
    {
        Map(Fixtures.Row("1", plan: "=HYPERLINK(\"x\")".Replace("\"", string.Empty, StringComparison.Ordinal)))
            .Involvement.ShouldNotBeNull().Details["plan_type"].ShouldBe("=HYPERLINK(x)");
    }

    [Test]
    public void Map_FullName_IsSplitIntoFirstMiddleAndFamilyNames()
    {
        var definition = Fixtures.FullNameDefinition();
        var row = new DeliveryRow(2, "raw", new Dictionary<string, string> { ["Id"] = "9", ["Name"] = "SMITH, John Paul" });

        var record = new RecordMapper(definition, ExtractDate, "raw/asc/x.csv").Map(row).Record.ShouldNotBeNull();

        (record.FirstName, record.MiddleNames, record.FamilyName).ShouldBe(("John", "Paul", "SMITH"));
    }

    private static RecordMapper Mapper() => new(Fixtures.Definition(), ExtractDate, "raw/lcs/2026-11-20/lcs_20261120.csv");

    private static PersonRecord Map(string csvRow)
    {
        var result = Mapper().Map(Row(csvRow));
        result.Rejection.ShouldBeNull();
        return result.Record.ShouldNotBeNull();
    }

    private static DeliveryRow Row(string csvRow)
    {
        var cells = Fixtures.Header.Split(',').Zip(csvRow.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        return new DeliveryRow(2, csvRow, cells);
    }
}
