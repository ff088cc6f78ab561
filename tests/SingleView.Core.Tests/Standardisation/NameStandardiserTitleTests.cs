using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>The one-word path looks titles up only for words as short as the longest title.</summary>
public class NameStandardiserTitleTests
{
    [TestCase("MASTER")]
    [TestCase("mr")]
    [TestCase("Lady")]
    public void Standardise_TitleAlone_IsNull(string raw)
    {
        NameStandardiser.Standardise(raw).ShouldBeNull();
    }

    [TestCase("Masters", "Masters")]
    [TestCase("MISSY", "Missy")]
    public void Standardise_NameLongerThanATitle_IsTheName(string raw, string expected)
    {
        NameStandardiser.Standardise(raw).ShouldBe(expected);
    }
}
