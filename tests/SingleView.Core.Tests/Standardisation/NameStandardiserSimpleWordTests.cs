using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>One plain ASCII word takes a shortcut; these hold it to the general path's answers.</summary>
public class NameStandardiserSimpleWordTests
{
    [TestCase("Smith", "Smith")]
    [TestCase(" Davis\t", "Davis")]
    [TestCase("sMITH", "Smith")]
    [TestCase("MCDONALD", "McDonald")]
    [TestCase("McDonald", "McDonald")]
    [TestCase("Mcd", "Mcd")]
    [TestCase("MRS", null)]
    [TestCase("dame", null)]
    [TestCase("A", "A")]
    [TestCase("x", "X")]
    public void Standardise_OnePlainWord_IsTheDisplayForm(string raw, string? expected)
    {
        NameStandardiser.Standardise(raw).ShouldBe(expected);
    }

    [Test]
    public void Standardise_WordAlreadyInForm_ReturnsTheSameText()
    {
        const string name = "Jessica";

        NameStandardiser.Standardise(name).ShouldBeSameAs(name);
    }
}
