using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Standardise.Mapping;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Mapping;

/// <summary>A field read from several columns, the city, and a feed's own named identifiers, as the mapper fills them.</summary>
public class JoinedColumnsAndIdentifiersTests
{
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    private static readonly FeedDefinition Definition = FeedDefinitionLoader.Parse("febrl.yaml", """
        feed: febrl
        source_system: FEBRL
        service: health
        transport: { drop_folder: febrl, file_pattern: "febrl_*.csv" }
        format: { date_formats: ["yyyyMMdd"] }
        record_id: rec_id
        columns:
          first_name: given_name
          family_name: surname
          address: [street_number, address_1, address_2]
          city: suburb
          date_of_birth: date_of_birth
          identifier.soc_sec_id: soc_sec_id
          identifier.police_person_id: pnc
        governance: { legal_basis: benchmark, sharing_agreement: none, data_owner: ANU, retention_days: 30 }
        """);

    [Test]
    public void Map_AddressFromThreeColumns_IsJoinedWithOneSpace()
    {
        Map(Row(street: "8", address1: "stanley street", address2: "miami")).Address.ShouldBe("8 stanley street miami");
    }

    [Test]
    public void Map_AddressWithBlankParts_SkipsThem()
    {
        Map(Row(street: "", address1: " stanley street ", address2: "")).Address.ShouldBe("stanley street");
    }

    [Test]
    public void Map_AddressWithEveryPartBlank_IsEmpty()
    {
        Map(Row(street: " ", address1: "", address2: "")).Address.ShouldBeNull();
    }

    [Test]
    public void Map_City_IsCarried()
    {
        Map(Row(suburb: " winston hills ")).City.ShouldBe("winston hills");
    }

    [Test]
    public void Map_NamedIdentifiers_AreCarriedWithTheirNamesAndBlankOnesLeftOut()
    {
        Map(Row(socialSecurity: " 5304218 ", pnc: "")).Identifiers.ShouldBe([new NamedIdentifier("soc_sec_id", "5304218")]);
    }

    [Test]
    public void Map_OnlyANamedIdentifier_IsEnoughToKeepTheRecord()
    {
        var record = Map(Row(given: "", surname: "", socialSecurity: "5304218"));

        record.Identifiers.ShouldHaveSingleItem().Value.ShouldBe("5304218");
    }

    [Test]
    public void Map_NoNameAndNoIdentifierOfAnyKind_IsRejected()
    {
        var result = new RecordMapper(Definition, ExtractDate, "raw/febrl/x.csv").Map(Row(given: "", surname: "", socialSecurity: "", pnc: ""));

        result.Rejection.ShouldNotBeNull().ShouldContain("no name and no identifier");
    }

    [Test]
    public void Map_UnreadableDateOfBirth_IsLeftEmptyAndTheRecordKept()
    {
        var record = Map(Row(dob: "19450493"));

        record.DateOfBirth.ShouldBeNull();
        record.Warnings.ShouldBe(["date_of_birth: '19450493' is not a date in the declared format(s) yyyyMMdd (left empty)"]);
        record.Identifiers.ShouldHaveSingleItem();
    }

    [Test]
    public void Map_RowsAfterARowWithIdentifiers_DoNotShareItsIdentifiers()
    {
        var mapper = new RecordMapper(Definition, ExtractDate, "raw/febrl/x.csv");
        var first = mapper.Map(Row(socialSecurity: "1")).Record.ShouldNotBeNull();
        mapper.Map(Row(socialSecurity: "2")).Record.ShouldNotBeNull();

        first.Identifiers.ShouldHaveSingleItem().Value.ShouldBe("1");
    }

    private static PersonRecord Map(DeliveryRow row)
    {
        var result = new RecordMapper(Definition, ExtractDate, "raw/febrl/x.csv").Map(row);
        result.Rejection.ShouldBeNull();
        return result.Record.ShouldNotBeNull();
    }

    private static DeliveryRow Row(
        string given = "michaela", string surname = "neumann", string street = "8", string address1 = "stanley street", string address2 = "miami",
        string suburb = "winston hills", string dob = "19151111", string socialSecurity = "5304218", string pnc = "") =>
        new(2, "raw", new Dictionary<string, string>
        {
            ["rec_id"] = "rec-1070-org", ["given_name"] = given, ["surname"] = surname, ["street_number"] = street, ["address_1"] = address1,
            ["address_2"] = address2, ["suburb"] = suburb, ["postcode"] = "4223", ["date_of_birth"] = dob, ["soc_sec_id"] = socialSecurity, ["pnc"] = pnc,
        });
}
