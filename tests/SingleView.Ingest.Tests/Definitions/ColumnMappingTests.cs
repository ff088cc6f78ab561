using SingleView.Core.Configuration;
using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Tests.Definitions;

/// <summary>The <c>columns</c> of a feed definition: several columns into one field, a city, named identifiers, and the mistakes refused.</summary>
public class ColumnMappingTests
{
    [Test]
    public void Parse_ListOfColumns_MapsTheFieldToEachInOrder()
    {
        var definition = Parse("""
              address: [street_number, address_1, address_2]
            """);

        definition.ColumnsFor("address").ShouldBe(["street_number", "address_1", "address_2"]);
        definition.SourceColumns.ShouldBe(["street_number", "address_1", "address_2"], ignoreOrder: true);
    }

    [Test]
    public void Parse_OneColumn_StillMapsAsBefore()
    {
        Parse("  family_name: Surname\n").ColumnFor("family_name").ShouldBe("Surname");
    }

    [Test]
    public void Parse_City_IsAFieldOfTheModel()
    {
        Parse("  city: suburb\n").ColumnFor("city").ShouldBe("suburb");
    }

    [Test]
    public void Parse_NamedIdentifiers_AreEachCarriedWithTheirName()
    {
        var definition = Parse("""
              identifier.police_person_id: PNC_ID
              identifier.ni_number: NI Number
            """);

        definition.NamedIdentifiers.ShouldBe(["identifier.ni_number", "identifier.police_person_id"]);
        definition.ColumnFor("identifier.ni_number").ShouldBe("NI Number");
    }

    [Test]
    public void Parse_NamedIdentifierDeclaredInIdentifiers_IsAccepted()
    {
        var definition = Parse("  identifier.soc_sec_id: soc_sec_id\n", identifiers: "[identifier.soc_sec_id]");

        definition.Identifiers.ShouldBe(["identifier.soc_sec_id"]);
    }

    [Test]
    public void Parse_ColumnNameWithSpaces_IsTrimmed()
    {
        Parse("  first_name: \" given_name \"\n").ColumnFor("first_name").ShouldBe("given_name");
    }

    [Test]
    public void Parse_ColumnTwiceInOneList_IsRefusedWithFieldAndLine()
    {
        var problem = Refused("""
              address: [address_1, address_1]
            """);

        problem.Field.ShouldBe("columns.address");
        problem.Problem.ShouldStartWith("line 11: 'address_1' is listed twice");
    }

    [Test]
    public void Parse_ColumnMappedToTwoPersonFields_IsRefusedWithFieldAndLine()
    {
        var problem = Refused("""
              address: [address_1, address_2]
              city: address_2
            """);

        problem.Field.ShouldBe("columns.city");
        problem.Problem.ShouldBe("line 12: the column 'address_2' is already mapped to address on line 11; a column may feed one person field");
    }

    [Test]
    public void Parse_ColumnMappedToAPersonFieldAndADetail_IsAccepted()
    {
        // A pattern the shipped definitions use: the same code shown as a detail and read as a field.
        Parse("  special_educational_needs: SEN\n  detail.area: SEN\n").ColumnFor("detail.area").ShouldBe("SEN");
    }

    [Test]
    public void Parse_FieldGivenTwice_IsRefusedWithBothLines()
    {
        var problem = Refused("""
              postcode: Postcode
              postcode: Post_Code
            """);

        problem.Field.ShouldBe("columns.postcode");
        problem.Problem.ShouldStartWith("line 12: is given twice (first on line 11)");
    }

    [Test]
    public void Parse_UnknownField_IsRefusedWithFieldAndLine()
    {
        var problem = Refused("  town: suburb\n");

        problem.Field.ShouldBe("columns.town");
        problem.Problem.ShouldStartWith("line 11: is not a field of the common data model");
    }

    [TestCase("identifier.", "has no name")]
    [TestCase("identifier.Police-Id", "must be lower-case letters")]
    [TestCase("identifier.nhs_number", "map it as nhs_number")]
    public void Parse_UnknownIdentifierForm_IsRefusedWithFieldAndLine(string target, string expected)
    {
        var problem = Refused($"  \"{target}\": Id\n");

        problem.Field.ShouldBe($"columns.{target}");
        problem.Problem.ShouldStartWith("line 11: is not a named identifier");
        problem.Problem.ShouldContain(expected);
    }

    [Test]
    public void Parse_UnknownIdentifierInIdentifiers_IsRefusedWithLine()
    {
        var problem = Refused("  first_name: Forename\n", identifiers: "[police_id]");

        problem.Field.ShouldBe("identifiers");
        problem.Problem.ShouldStartWith("line 9: 'police_id' is not one of");
    }

    [Test]
    public void Parse_ListForADate_IsRefused()
    {
        var problem = Refused("  date_of_birth: [Day, Month, Year]\n");

        problem.Field.ShouldBe("columns.date_of_birth");
        problem.Problem.ShouldStartWith("line 11: takes one column");
    }

    [Test]
    public void Parse_EmptyList_IsRefused()
    {
        Refused("  address: []\n").Problem.ShouldContain("lists no columns");
    }

    [Test]
    public void Parse_ValueCodeGivenTwiceInDifferentCase_IsRefusedWithFieldAndLine()
    {
        var problem = Refused("  involvement.status: Status\nvalues:\n  involvement.status: { Open: current, OPEN: historic }\n");

        problem.Field.ShouldBe("values.involvement.status.OPEN");
        problem.Problem.ShouldBe("line 13: 'OPEN' is also given as 'Open' (codes are matched ignoring case)");
    }

    private static FeedDefinition Parse(string columns, string identifiers = "[]") =>
        FeedDefinitionLoader.Parse("partner.yaml", Yaml(columns, identifiers));

    private static ConfigurationException Refused(string columns, string identifiers = "[]")
    {
        var exception = Should.Throw<ConfigurationException>(() => Parse(columns, identifiers));
        exception.File.ShouldBe("partner.yaml");
        return exception;
    }

    // The identifiers are on line 9 and the columns start on line 11, so that each test's line numbers can be read off its text.
    private static string Yaml(string columns, string identifiers) => $$"""
        feed: partner
        source_system: Partner
        service: police
        transport:
          drop_folder: partner
          file_pattern: "partner_*.csv"
        record_id: Id
        governance: { legal_basis: Crime and Disorder Act 1998 s115, sharing_agreement: ISA-9, data_owner: Chief Constable, retention_days: 365 }
        identifiers: {{identifiers}}
        columns:
        {{columns}}
        """;
}
