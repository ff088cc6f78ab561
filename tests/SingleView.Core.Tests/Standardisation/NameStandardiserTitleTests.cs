using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>The one-word path looks titles up only for words as short as the longest title.</summary>
public class NameStandardiserTitleTests
{
    private static readonly string[] NotTitles = ["Mrx", "Mister", "Doctor", "Md", "Lor"];

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

    [Test]
    public void IsCapitalisedTitle_EveryTitle_IsTheTitleList()
    {
        var capitalised = NameStandardiser.TitleWords.Select(t => char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant()).ToArray();

        capitalised.ShouldAllBe(title => NameStandardiser.IsCapitalisedTitle(title));
        NotTitles.ShouldAllBe(word => !NameStandardiser.IsCapitalisedTitle(word));
        capitalised.Length.ShouldBe(13);
    }
}
