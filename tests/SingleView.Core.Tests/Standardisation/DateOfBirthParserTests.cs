using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class DateOfBirthParserTests
{
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    [Test]
    public void Parse_DeclaredFormat_IsRead()
    {
        DateOfBirthParser.Parse("03/04/2015", ["dd/MM/yyyy"]).Value.ShouldBe(new DateOnly(2015, 4, 3));
    }

    [Test]
    public void Parse_SecondDeclaredFormat_IsTriedInTurn()
    {
        DateOfBirthParser.Parse("2015-04-03", ["dd/MM/yyyy", "yyyy-MM-dd"]).Value.ShouldBe(new DateOnly(2015, 4, 3));
    }

    [Test]
    public void Parse_UndeclaredFormat_IsAProblemNotAGuess()
    {
        var reading = DateOfBirthParser.Parse("04/03/2015", ["yyyy-MM-dd"]);

        reading.Value.ShouldBeNull();
        reading.Problem.ShouldNotBeNull().ShouldContain("declared format");
    }

    [Test]
    public void Parse_Empty_IsNeitherAValueNorAProblem()
    {
        DateOfBirthParser.Parse("  ", ["yyyy-MM-dd"]).ShouldBe(DateReading.Empty);
    }

    [Test]
    public void ParseDateOfBirth_AfterTheExtract_IsAProblem()
    {
        DateOfBirthParser.ParseDateOfBirth("2026-11-21", ["yyyy-MM-dd"], ExtractDate).Problem.ShouldNotBeNull().ShouldContain("after the extract date");
    }

    [Test]
    public void ParseDateOfBirth_MoreThan120YearsBefore_IsAProblem()
    {
        DateOfBirthParser.ParseDateOfBirth("1900-01-01", ["yyyy-MM-dd"], ExtractDate).Problem.ShouldNotBeNull().ShouldContain("120 years");
    }

    [Test]
    public void ParseDateOfBirth_ImpossibleCalendarDate_IsAProblem()
    {
        DateOfBirthParser.ParseDateOfBirth("2015-02-30", ["yyyy-MM-dd"], ExtractDate).IsProblem.ShouldBeTrue();
    }

    [Test]
    public void ParseDateOfBirth_TheExtractDayItself_IsAccepted()
    {
        DateOfBirthParser.ParseDateOfBirth("2026-11-20", ["yyyy-MM-dd"], ExtractDate).Value.ShouldBe(ExtractDate);
    }
}
