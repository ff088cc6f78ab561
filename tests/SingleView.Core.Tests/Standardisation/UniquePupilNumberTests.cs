using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class UniquePupilNumberTests
{
    [Test]
    public void CheckLetter_Worked_IsTheModulus23Letter()
    {
        // 8×2 + 1×4 + 2×5 + 3×8 + 1×13 = 67; 67 mod 23 = 21, the 22nd of A–Z without I, O and S: Y.
        UniquePupilNumber.CheckLetter("801200300001").ShouldBe('Y');
    }

    [Test]
    public void IsValid_CorrectCheckLetter_IsTrue()
    {
        UniquePupilNumber.IsValid("Y801200300001").ShouldBeTrue();
    }

    [Test]
    public void IsValid_TemporaryUpnEndingInALetter_IsTrue()
    {
        var twelve = "80120030000A";
        UniquePupilNumber.IsValid(UniquePupilNumber.CheckLetter(twelve) + twelve).ShouldBeTrue();
    }

    [TestCase("X801200300001")]
    [TestCase("Y801200300002")]
    [TestCase("Y80120030000")]
    [TestCase("Y8012003000I1")]
    [TestCase(null)]
    public void IsValid_WrongLetterDigitOrLength_IsFalse(string? upn)
    {
        UniquePupilNumber.IsValid(upn).ShouldBeFalse();
    }

    [Test]
    public void Normalise_SpacesAndCase_AreRemovedAndUpperCased()
    {
        UniquePupilNumber.Normalise(" y801 2003-00001 ").ShouldBe("Y801200300001");
    }
}
