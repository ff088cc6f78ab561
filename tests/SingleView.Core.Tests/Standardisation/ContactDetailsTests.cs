using SingleView.Core.Standardisation;

namespace SingleView.Core.Tests.Standardisation;

public class ContactDetailsTests
{
    [TestCase("0161 123 4567", "01611234567")]
    [TestCase("+44 (0)161 123 4567", "01611234567")]
    [TestCase("+44 161 123 4567", "01611234567")]
    [TestCase("ext.", null)]
    public void NormalisePhone_Formatting_IsDigitsWithANationalZero(string raw, string? expected)
    {
        ContactDetails.NormalisePhone(raw).ShouldBe(expected);
    }

    [TestCase("01611234567", true)]
    [TestCase("0161123456", true)]
    [TestCase("12345", false)]
    [TestCase("016112345678", false)]
    public void IsValidPhone_Digits_TenOrElevenAreValid(string digits, bool expected)
    {
        ContactDetails.IsValidPhone(digits).ShouldBe(expected);
    }

    [TestCase("jo.bloggs@anytown.gov.uk")]
    [TestCase("o'neil+team_1@x-y.example")]
    public void NormaliseEmail_AlreadyLowerCaseAscii_IsTheSameString(string email)
    {
        ContactDetails.NormaliseEmail(email).ShouldBeSameAs(email);
    }

    [TestCase("ZOË@Example.com", "zoë@example.com")]
    [TestCase("zoË@example.com", "zoë@example.com")]
    public void NormaliseEmail_CapitalOrNonAsciiLetters_IsLowerCased(string email, string expected)
    {
        ContactDetails.NormaliseEmail(email).ShouldBe(expected);
    }

    [Test]
    public void NormaliseEmail_MixedCaseAndSpaces_IsTrimmedLowerCase()
    {
        ContactDetails.NormaliseEmail(" Jo.Bloggs@Anytown.GOV.uk ").ShouldBe("jo.bloggs@anytown.gov.uk");
    }

    [TestCase("jo.bloggs@anytown.gov.uk", true)]
    [TestCase("o'neill+school@example.org", true)]
    [TestCase("jo.bloggs@anytown", false)]
    [TestCase("jo bloggs@anytown.gov.uk", false)]
    [TestCase("@anytown.gov.uk", false)]
    public void IsValidEmail_Address_IsJudgedByItsShape(string email, bool expected)
    {
        ContactDetails.IsValidEmail(email).ShouldBe(expected);
    }

    // The shape the checklist gave as a pattern; the check is written by hand for speed and must agree with it.
    private static readonly System.Text.RegularExpressions.Regex ChecklistPattern =
        new(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$");

    [TestCase("jo.bloggs@anytown.gov.uk")]
    [TestCase("a@b.co")]
    [TestCase("a@b.c")]
    [TestCase("a@b.c1")]
    [TestCase("a@b-.co")]
    [TestCase("a@-b.co")]
    [TestCase("a@b..co")]
    [TestCase("a@.b.co")]
    [TestCase("a@b.co.")]
    [TestCase("a@@b.co")]
    [TestCase("a@b@c.co")]
    [TestCase("a@b.co\n")]
    [TestCase("a@b.co\n\n")]
    [TestCase("a@b.co ")]
    [TestCase(" a@b.co")]
    [TestCase("a\n@b.co")]
    [TestCase("zoë@b.co")]
    [TestCase("a@bé.co")]
    [TestCase("a@b.cö")]
    [TestCase("%+'._-@1-2.3.ab")]
    [TestCase("a@b")]
    [TestCase("a@.co")]
    [TestCase("a@co.")]
    [TestCase("@")]
    [TestCase("")]
    [TestCase("a@b.CO")]
    [TestCase("a b@c.co")]
    [TestCase("a@b_c.co")]
    [TestCase("a@b.c-o")]
    [TestCase("a@b.co\r")]
    public void IsValidEmail_AnyText_AgreesWithTheChecklistPattern(string email)
    {
        ContactDetails.IsValidEmail(email).ShouldBe(ChecklistPattern.IsMatch(email));
    }

    [Test]
    public void IsValidEmail_ManyGeneratedTexts_AgreeWithTheChecklistPattern()
    {
        // Short strings of the pieces that matter to the shape (a few hundred of them valid), so that every boundary is visited.
        var random = new Random(20261121);
        string[] pieces = ["a", "b", "1", "-", ".", "@", "ab", ".ab", "\n", "é", "_", "Z", " ", "'"];
        for (var i = 0; i < 200_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (ContactDetails.IsValidEmail(text) != ChecklistPattern.IsMatch(text)) Assert.Fail($"'{text}' is judged differently");
        }
    }
}
