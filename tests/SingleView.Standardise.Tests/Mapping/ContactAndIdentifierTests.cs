using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Standardise.Mapping;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Mapping;

/// <summary>Phone numbers, e-mail addresses and unique pupil numbers as the mapper standardises them.</summary>
public class ContactAndIdentifierTests
{
    private static readonly FeedDefinition School = FeedDefinitionLoader.Parse("school.yaml", """
        feed: school
        source_system: SIMS
        service: school
        transport: { drop_folder: school }
        record_id: Id
        columns:
          family_name: Surname
          upn: UPN
          phone: Phone
          email: Email
        governance: { legal_basis: Education Act 1996, sharing_agreement: ISA-3, data_owner: Head, retention_days: 365 }
        """);

    [TestCase("0161 123 4567", "01611234567")]
    [TestCase("+44 (0)161 123 4567", "01611234567")]
    [TestCase("+44 7700 900123", "07700900123")]
    [TestCase("0044 7700 900123", "07700900123")]
    [TestCase("(01632) 960-204", "01632960204")]
    public void Map_UkPhoneNumber_IsNormalisedToNationalDigits(string raw, string expected)
    {
        var record = Map(phone: raw);

        record.Phone.ShouldBe(expected);
        record.Warnings.ShouldBeEmpty();
    }

    [TestCase("12345")]
    [TestCase("1611234567")]
    [TestCase("n/a")]
    [TestCase("0161 123 4567 ext 22")]
    public void Map_InvalidPhoneNumber_IsLeftEmptyWithAWarning(string raw)
    {
        var record = Map(phone: raw);

        record.Phone.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldStartWith("phone:");
    }

    [Test]
    public void Map_EmailAddress_IsTrimmedAndLowerCased()
    {
        Map(email: "  Ann.Smith@Example.COM ").Email.ShouldBe("ann.smith@example.com");
    }

    [TestCase("ann.smith@")]
    [TestCase("ann smith@example.com")]
    [TestCase("ann@example")]
    public void Map_InvalidEmailAddress_IsLeftEmptyWithAWarning(string raw)
    {
        var record = Map(email: raw);

        record.Email.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("not a valid e-mail address");
    }

    [Test]
    public void Map_ValidUpn_IsKept()
    {
        var record = Map(upn: "A123456789012");

        record.Upn.ShouldBe("A123456789012");
        record.Warnings.ShouldBeEmpty();
    }

    [Test]
    public void Map_UpnWithWrongCheckLetter_IsLeftEmptyWithAWarning()
    {
        var record = Map(upn: "B123456789012");

        record.Upn.ShouldBeNull();
        record.Warnings.ShouldHaveSingleItem().ShouldContain("not a valid unique pupil number");
    }

    private static PersonRecord Map(string phone = "", string email = "", string upn = "")
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Id"] = "1", ["Surname"] = "Smith", ["UPN"] = upn, ["Phone"] = phone, ["Email"] = email,
        };
        var result = new RecordMapper(School, new DateOnly(2026, 11, 20), "raw/school/x.csv").Map(new DeliveryRow(2, "1,Smith", cells));
        return result.Record.ShouldNotBeNull();
    }
}
