using SingleView.Serve.Access;

namespace SingleView.Serve.Tests.Access;

public sealed class WithheldValuesTests
{
    private static readonly WithheldValues Withheld = new(["1 Secret Lane, Stockport", "SK4 9ZZ", "07700 900123", "leah@example.com", null, "N/A"]);

    [TestCase("sk49zz")]
    [TestCase("SK4  9ZZ")]
    [TestCase("+44 7700 900123")]
    [TestCase("07700900123")]
    [TestCase("Flat 2, 1 Secret Lane, Stockport")]
    [TestCase("LEAH@EXAMPLE.COM")]
    [TestCase("L-3;Leah;Brown;1 Secret Lane, Stockport;SK4 9ZZ;Y")]
    public void Mentions_TheSameValueWrittenAnotherWay_IsWithheld(string text) => Withheld.Mentions(text).ShouldBeTrue();

    [TestCase("12 High Street, Stockport")]
    [TestCase("SK1 3XE")]
    [TestCase("N/A")]
    [TestCase("")]
    [TestCase(null)]
    public void Mentions_AnotherValueOrTooShortToTell_IsShown(string? text) => Withheld.Mentions(text).ShouldBeFalse();

    [Test]
    public void WithholdsHome_SamePostcodeOtherAddressText_WithholdsTheHome() =>
        Withheld.WithholdsHome("1 Secret Ln", "SK4 9ZZ").ShouldBeTrue();
}
