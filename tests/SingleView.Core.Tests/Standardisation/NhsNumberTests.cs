using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class NhsNumberTests
{
    [TestCase("9434765919")]
    [TestCase("4010232137")]
    public void IsValid_CorrectCheckDigit_IsTrue(string digits)
    {
        NhsNumber.IsValid(digits).ShouldBeTrue();
    }

    [TestCase("9434765918")]
    [TestCase("943476591")]
    [TestCase("94347659190")]
    [TestCase("0000000000")]
    [TestCase("943476591A")]
    [TestCase(null)]
    public void IsValid_WrongCheckDigitLengthOrPlaceholder_IsFalse(string? digits)
    {
        NhsNumber.IsValid(digits).ShouldBeFalse();
    }

    [Test]
    public void IsValid_RemainderGivingTen_IsFalse()
    {
        // Nine digits whose check digit would be 10 are never issued: no tenth digit makes them valid.
        var nine = Enumerable.Range(0, 1_000).Select(i => i.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture))
            .First(n => NhsNumber.CheckDigit(n) is null);

        Enumerable.Range(0, 10).ShouldAllBe(d => !NhsNumber.IsValid(nine + d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("943 476 5919", "9434765919")]
    [TestCase(" 943-476-5919 ", "9434765919")]
    [TestCase("  ", null)]
    [TestCase("n/a", null)]
    public void Normalise_Formatting_IsDigitsOnly(string raw, string? expected)
    {
        NhsNumber.Normalise(raw).ShouldBe(expected);
    }

    [Test]
    public void CheckDigit_KnownNumber_IsItsLastDigit()
    {
        NhsNumber.CheckDigit("943476591").ShouldBe(9);
    }
}
