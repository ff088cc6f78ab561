using SingleView.Core.Text;

namespace SingleView.Core.Tests.Text;

public class SoundexTests
{
    [TestCase("Robert", "R163")]
    [TestCase("Rupert", "R163")]
    [TestCase("Rubin", "R150")]
    [TestCase("Ashcraft", "A261")]
    [TestCase("Ashcroft", "A261")]
    [TestCase("Tymczak", "T522")]
    [TestCase("Pfister", "P236")]
    [TestCase("Honeyman", "H555")]
    [TestCase("Lee", "L000")]
    [TestCase("O'Brien", "O165")]
    public void Encode_Name_IsTheAmericanSoundexCode(string name, string expected)
    {
        Soundex.Encode(name).ShouldBe(expected);
    }

    [Test]
    public void Encode_SpellingVariants_ShareACode()
    {
        Soundex.Encode("Smyth").ShouldBe(Soundex.Encode("Smith"));
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase("123")]
    public void Encode_NoLetters_IsEmpty(string? name)
    {
        Soundex.Encode(name).ShouldBeEmpty();
    }
}
