using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class NameStandardiserTests
{
    [TestCase("  o’BRIEN - smith ", "O'Brien-Smith")]
    [TestCase("JOHN", "John")]
    [TestCase("mcdonald", "McDonald")]
    [TestCase("macey", "Macey")]
    [TestCase("Mr John Smith", "John Smith")]
    [TestCase("Dr. Ann Lee", "Ann Lee")]
    [TestCase("Zoë", "Zoe")]
    [TestCase("Núñez", "Nunez")]
    [TestCase("Bjørn Ærø", "Bjorn Aero")]
    [TestCase("Jean\u2013Luc", "Jean-Luc")]
    [TestCase("Mr", null)]
    [TestCase("  ", null)]
    [TestCase(null, null)]
    public void Standardise_RawName_IsTheDisplayForm(string? raw, string? expected)
    {
        NameStandardiser.Standardise(raw).ShouldBe(expected);
    }

    [TestCase("O'Brien-Smith", "OBRIEN SMITH")]
    [TestCase("Zoë  Smith", "ZOE SMITH")]
    [TestCase("e\u0301lise", "ELISE")]
    [TestCase("", "")]
    public void MatchKey_Name_IsUpperCaseLettersWithSingleSpaces(string name, string expected)
    {
        NameStandardiser.MatchKey(name).ShouldBe(expected);
    }

    [Test]
    public void SplitFullName_FamilyNameFirstWithComma_IsSplit()
    {
        NameStandardiser.SplitFullName("SMITH, John Paul").ShouldBe(("John", "Paul", "Smith"));
    }

    [Test]
    public void SplitFullName_GivenNamesFirst_LastWordIsTheFamilyName()
    {
        NameStandardiser.SplitFullName("Mary Ann Jones-Brown").ShouldBe(("Mary", "Ann", "Jones-Brown"));
    }

    [Test]
    public void SplitFullName_OneWord_IsAFirstNameOnly()
    {
        NameStandardiser.SplitFullName("Madonna").ShouldBe(("Madonna", null, null));
    }

    [Test]
    public void SplitFullName_Empty_IsNothing()
    {
        NameStandardiser.SplitFullName(" ").ShouldBe((null, null, null));
    }
}
