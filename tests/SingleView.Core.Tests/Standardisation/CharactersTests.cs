using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class CharactersTests
{
    [TestCase("0161 496 0000", "01614960000")]
    [TestCase("+44 (0)161-496-0000", "4401614960000")]
    [TestCase("abc", "")]
    [TestCase("٣٤5", "5")]
    public void KeepAsciiDigits_Text_KeepsWhatKeepWithIsAsciiDigitKeeps(string text, string expected)
    {
        Characters.KeepAsciiDigits(text).ShouldBe(expected);
        Characters.KeepAsciiDigits(text).ShouldBe(Characters.Keep(text, char.IsAsciiDigit));
    }

    [Test]
    public void KeepAsciiDigits_OnlyDigits_ReturnsTheSameInstance()
    {
        var digits = "9434765919";

        Characters.KeepAsciiDigits(digits).ShouldBeSameAs(digits);
    }

    [Test]
    public void KeepAsciiDigits_TextLongerThanTheStackBuffer_KeepsEveryDigit()
    {
        var text = string.Concat(Enumerable.Repeat("1 2-", 300));

        Characters.KeepAsciiDigits(text).ShouldBe(string.Concat(Enumerable.Repeat("12", 300)));
    }
}
