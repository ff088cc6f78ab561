using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>Ten-character day/month/year formats are read digit by digit; these hold that to DateTime's answers.</summary>
public class DateOfBirthParserDigitTests
{
    [TestCase("29/02/2024", "dd/MM/yyyy", "2024-02-29")]
    [TestCase("2024-02-29", "yyyy-MM-dd", "2024-02-29")]
    [TestCase("31.12.1999", "dd.MM.yyyy", "1999-12-31")]
    [TestCase("12/31/1999", "MM/dd/yyyy", "1999-12-31")]
    public void Parse_DigitsInTheFormat_IsTheDate(string raw, string format, string expected)
    {
        DateOfBirthParser.Parse(raw, [format]).Value.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase("29/02/2023", "dd/MM/yyyy")]
    [TestCase("00/01/2020", "dd/MM/yyyy")]
    [TestCase("01/13/2020", "dd/MM/yyyy")]
    [TestCase("01/01/0000", "dd/MM/yyyy")]
    [TestCase("2024/02/29", "yyyy-MM-dd")]
    [TestCase("1/2/2024", "dd/MM/yyyy")]
    public void Parse_NotADateInTheFormat_IsAProblem(string raw, string format)
    {
        DateOfBirthParser.Parse(raw, [format]).IsProblem.ShouldBeTrue();
    }

    [Test]
    public void Parse_SecondFormatMatches_IsTheDate()
    {
        DateOfBirthParser.Parse("2024-02-29", ["dd/MM/yyyy", "yyyy-MM-dd"]).Value.ShouldBe(new DateOnly(2024, 2, 29));
    }
}
