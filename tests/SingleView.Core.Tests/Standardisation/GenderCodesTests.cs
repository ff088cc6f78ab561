using SingleView.Core.Model;
using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class GenderCodesTests
{
    [TestCase("F", Gender.Female)]
    [TestCase("female", Gender.Female)]
    [TestCase("2", Gender.Female)]
    [TestCase("M", Gender.Male)]
    [TestCase(" Male ", Gender.Male)]
    [TestCase("1", Gender.Male)]
    [TestCase("9", Gender.Unknown)]
    [TestCase("0", Gender.Unknown)]
    [TestCase("Not stated", Gender.Unknown)]
    [TestCase("", Gender.Unknown)]
    [TestCase(null, Gender.Unknown)]
    [TestCase("Non-binary", Gender.Other)]
    public void Parse_Code_GivesTheCommonModelGender(string? code, Gender expected)
    {
        GenderCodes.Parse(code).ShouldBe(expected);
    }
}
