using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class PostcodeTests
{
    [TestCase("m11ae", "M1 1AE")]
    [TestCase(" sw1a  1aa ", "SW1A 1AA")]
    [TestCase("B33 8TH", "B33 8TH")]
    [TestCase("", null)]
    public void Normalise_AnySpacingAndCase_GivesOneSpaceBeforeTheInwardCode(string raw, string? expected)
    {
        Postcode.Normalise(raw).ShouldBe(expected);
    }

    [TestCase("NOT A CODE", "NOT A CODE")]
    [TestCase("  not a code ", "not a code")]
    [TestCase("2119", "2119")]
    [TestCase("qq11zz", "qq11zz")]
    [TestCase("M1", "M1")]
    [TestCase("SW1A  1AA X", "SW1A  1AA X")]
    public void Normalise_NotAValidUkPostcode_IsKeptAsGivenTrimmed(string raw, string expected)
    {
        Postcode.Normalise(raw).ShouldBe(expected);
        Postcode.IsValid(Postcode.Normalise(raw)).ShouldBeFalse();
    }

    [Test]
    public void Normalise_LongCell_IsKeptAsGiven()
    {
        var cell = "NOT A POSTCODE " + new string('X', 100);

        Postcode.Normalise(cell).ShouldBe(cell);
    }

    [TestCase("M1 1AE")]
    [TestCase("SW1A 1AA")]
    [TestCase("CR2 6XH")]
    [TestCase("DN55 1PT")]
    [TestCase("W1A 0AX")]
    [TestCase("EC1A 1BB")]
    [TestCase("GIR 0AA")]
    public void IsValid_RealShapes_IsTrue(string postcode)
    {
        Postcode.IsValid(postcode).ShouldBeTrue();
    }

    [TestCase("QQ1 1ZZ")]
    [TestCase("M1 1AI")]
    [TestCase("12345")]
    [TestCase("M1")]
    [TestCase(null)]
    public void IsValid_ImpossibleShapes_IsFalse(string? postcode)
    {
        Postcode.IsValid(postcode).ShouldBeFalse();
    }

    [Test]
    public void District_Postcode_IsTheOutwardCode()
    {
        Postcode.District("SW1A 1AA").ShouldBe("SW1A");
    }

    [Test]
    public void Sector_Postcode_IsTheOutwardCodeAndFirstInwardCharacter()
    {
        Postcode.Sector("SW1A 1AA").ShouldBe("SW1A 1");
    }
}
