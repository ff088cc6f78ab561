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

    [Test]
    public void Map_ImpossibleDateOfBirth_IsRejectedWithTheReason()
    {
        var result = Mapper().Map(Row(Fixtures.Row("1", dob: "31/02/2015")));

        result.Record.ShouldBeNull();
        result.Rejection.ShouldNotBeNull().ShouldStartWith("date_of_birth:");
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
