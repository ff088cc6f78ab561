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
}
