using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>The display form is the name as the source gave it, trimmed: nothing folded, cased or stripped.</summary>
public class NameStandardiserTests
{
    [TestCase("Siân")]
    [TestCase("Łukasz Wiśniewski")]
    [TestCase("Ó Súilleabháin")]
    [TestCase("MacDonald")]
    [TestCase("De la Cruz")]
    [TestCase("Amelia \"Millie\"")]
    [TestCase("<script>alert(1)</script>")]
    [TestCase("-2+3")]
    [TestCase("=HYPERLINK(\"http://evil.example\")")]
    [TestCase("@SUM(A1)")]
    [TestCase("SMITH")]
    [TestCase("o’BRIEN - smith")]
    [TestCase("Mr John Smith")]
    [TestCase("Zoë")]
    [TestCase("Jean\u2013Luc")]
    [TestCase("Mr")]
    [TestCase("محمد")]
    [TestCase("می\u200Cخواهم")]
    public void Standardise_Name_IsTheNameAsGiven(string raw)
    {
        NameStandardiser.Standardise(raw, out var change).ShouldBe(raw);
        change.ShouldBeNull();
    }

    [TestCase("  Siân \t", "Siân")]
    [TestCase("\u00A0De la Cruz\u00A0", "De la Cruz")]
    public void Standardise_SurroundingWhiteSpace_IsTrimmedOnly(string raw, string expected)
    {
        NameStandardiser.Standardise(raw, out var change).ShouldBe(expected);
        change.ShouldBeNull();
    }

    [TestCase("  ")]
    [TestCase("")]
    [TestCase(null)]
    public void Standardise_Empty_IsNull(string? raw)
    {
        NameStandardiser.Standardise(raw).ShouldBeNull();
    }

    [Test]
    public void Standardise_NameAlreadyAsGiven_ReturnsTheSameText()
    {
        const string name = "Jessica";

        NameStandardiser.Standardise(name).ShouldBeSameAs(name);
    }

    [TestCase("Ann\r\nMarie", "Ann Marie", "U+000A, U+000D")]
    [TestCase("Ann\tMarie", "Ann Marie", "U+0009")]
    [TestCase("Ann\0e", "Anne", "U+0000")]
    [TestCase("\u202Enosmoht", "nosmoht", "U+202E")]
    [TestCase("Ann\u200Be", "Anne", "U+200B")]
    public void Standardise_UnshowableCharacters_KeptWithoutThemAndSaysSo(string raw, string expected, string codes)
    {
        NameStandardiser.Standardise(raw, out var change).ShouldBe(expected);

        change.ShouldNotBeNull().ShouldContain(codes);
        change.ShouldContain($"'{expected}'");
    }

    [Test]
    public void Standardise_OnlyUnshowableCharacters_IsNullAndSaysSo()
    {
        NameStandardiser.Standardise("\u0001\u0002", out var change).ShouldBeNull();

        change.ShouldNotBeNull().ShouldContain("left empty");
    }

    [TestCase("Siân", "SIAN")]
    [TestCase("Łukasz Wiśniewski", "LUKASZ WISNIEWSKI")]
    [TestCase("Ó Súilleabháin", "O SUILLEABHAIN")]
    [TestCase("MacDonald", "MACDONALD")]
    [TestCase("De la Cruz", "DE LA CRUZ")]
    [TestCase("Amelia \"Millie\"", "AMELIA MILLIE")]
    [TestCase("<script>alert(1)</script>", "SCRIPT ALERT SCRIPT")]
    [TestCase("-2+3", "")]
    [TestCase("O'Brien-Smith", "OBRIEN SMITH")]
    [TestCase("  o’BRIEN - smith ", "OBRIEN SMITH")]
    [TestCase("Zoë  Smith", "ZOE SMITH")]
    [TestCase("Bjørn Ærø", "BJORN AERO")]
    [TestCase("Jean\u2013Luc", "JEAN LUC")]
    [TestCase("e\u0301lise", "ELISE")]
    [TestCase("Ann2", "ANN")]
    [TestCase("", "")]
    public void MatchKey_Name_IsUpperCaseLettersWithSingleSpaces(string name, string expected)
    {
        NameStandardiser.MatchKey(name).ShouldBe(expected);
    }

    [TestCase("Siân", "SIAN")]
    [TestCase("MacDonald", "Macdonald")]
    [TestCase("De la Cruz", "De La Cruz")]
    [TestCase("Łukasz", "Lukasz")]
    public void MatchKey_DisplayFormAndFoldedForm_AreOneKey(string given, string folded)
    {
        NameStandardiser.MatchKey(given).ShouldBe(NameStandardiser.MatchKey(folded));
    }

    [Test]
    public void SplitFullName_FamilyNameFirstWithComma_IsSplitAsGiven()
    {
        NameStandardiser.SplitFullName("SMITH, John Paul").ShouldBe(("John", "Paul", "SMITH"));
    }

    [Test]
    public void SplitFullName_GivenNamesFirst_LastWordIsTheFamilyName()
    {
        NameStandardiser.SplitFullName("Mary Ann Jones-Brown").ShouldBe(("Mary", "Ann", "Jones-Brown"));
    }

    [Test]
    public void SplitFullName_AccentedNames_KeepTheirAccents()
    {
        NameStandardiser.SplitFullName("Siân Ó Súilleabháin").ShouldBe(("Siân", "Ó", "Súilleabháin"));
    }

    [Test]
    public void SplitFullName_LeadingTitle_StaysWithTheFirstName()
    {
        NameStandardiser.SplitFullName("Mr John Paul Smith").ShouldBe(("Mr John", "Paul", "Smith"));
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

    [Test]
    public void SplitFullName_LineBreakInside_SplitWithoutItAndSaysSo()
    {
        NameStandardiser.SplitFullName("Ann\nSmith", out var change).ShouldBe(("Ann", null, "Smith"));

        change.ShouldNotBeNull().ShouldContain("U+000A");
    }
}
