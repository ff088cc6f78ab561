using System.Text;
using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

/// <summary>
/// Plain ASCII names, with hyphens and apostrophes inside, skip the general path; these hold the
/// short cut to it (a leading title sends the same name down the general path, which drops the title).
/// </summary>
public class NameStandardiserFastPathTests
{
    [TestCase("uddin-ALI", "Uddin-Ali")]
    [TestCase("o'brien", "O'Brien")]
    [TestCase("mcdonald-smith", "McDonald-Smith")]
    [TestCase("MC'X", "Mc'X")]
    [TestCase(" Wilson-Green ", "Wilson-Green")]
    public void Standardise_HyphenatedOrApostrophedAsciiName_IsTheDisplayForm(string raw, string expected)
    {
        NameStandardiser.Standardise(raw).ShouldBe(expected);
    }

    [Test]
    public void Standardise_RandomAsciiNames_SameAsTheGeneralPath()
    {
        var random = new Random(20261121);
        const string letters = "abcmMCdDzZ";
        for (var sample = 0; sample < 20_000; sample++)
        {
            var name = new StringBuilder();
            name.Append(letters[random.Next(letters.Length)]);
            for (var i = random.Next(0, 9); i > 0; i--) name.Append((letters + "-'")[random.Next(letters.Length + 2)]);
            name.Append(letters[random.Next(letters.Length)]);
            var text = name.ToString();

            NameStandardiser.Standardise(text).ShouldBe(NameStandardiser.Standardise("Mr " + text), text);
        }
    }
}
