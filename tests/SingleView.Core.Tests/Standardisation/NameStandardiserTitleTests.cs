using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>Titles are part of the name as given, and are dropped only from the match key.</summary>
public class NameStandardiserTitleTests
{
    [TestCase("Mr John Smith", "JOHN SMITH")]
    [TestCase("Dr. Ann Lee", "ANN LEE")]
    [TestCase("Mrs Jane", "JANE")]
    [TestCase("MASTER", "")]
    [TestCase("mr", "")]
    [TestCase("Mr Mrs", "")]
    [TestCase("Masters", "MASTERS")]
    [TestCase("MISSY", "MISSY")]
    [TestCase("John Lord", "JOHN LORD")]
    public void MatchKey_LeadingTitles_AreDropped(string name, string expected)
    {
        NameStandardiser.MatchKey(name).ShouldBe(expected);
    }

    [Test]
    public void Standardise_Title_IsKeptAsGiven()
    {
        NameStandardiser.Standardise("Mrs Jane").ShouldBe("Mrs Jane");
    }

    [Test]
    public void MatchKey_EveryTitle_IsDroppedAlone()
    {
        NameStandardiser.TitleWords.Count.ShouldBe(13);
        NameStandardiser.TitleWords.ShouldAllBe(title => NameStandardiser.MatchKey(title) == string.Empty);
    }
}
