using System.Globalization;

namespace SingleView.Standardise.Tests;

/// <summary>What arrived is what is kept: names and postcodes from a raw delivery, as the partner gave them.</summary>
public class DeliveryStandardiserFidelityTests
{
    private Fixtures fixtures = null!;

    [SetUp]
    public void SetUp() => fixtures = new Fixtures();

    [TearDown]
    public void TearDown() => fixtures.Dispose();

    [TestCase("Siân", "Jones")]
    [TestCase("Łukasz", "Wiśniewski")]
    [TestCase("Aoife", "Ó Súilleabháin")]
    [TestCase("Ewan", "MacDonald")]
    [TestCase("Maria", "De la Cruz")]
    [TestCase("Amelia \"Millie\"", "Smith")]
    [TestCase("<script>alert(1)</script>", "Smith")]
    [TestCase("Ann", "-2+3")]
    [TestCase("=1+1", "@Smith")]
    [TestCase("JOHN", "SMITH")]
    public async Task ProcessAsync_NameInTheDelivery_IsKeptAsGivenWithoutWarnings(string forename, string surname)
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", forename: Quoted(forename), surname: Quoted(surname))));

        var record = (await fixtures.ProcessAsync()).Records.ShouldHaveSingleItem();

        (record.FirstName, record.FamilyName).ShouldBe((forename, surname));
        record.Warnings.ShouldBeEmpty();
    }

    [Test]
    public async Task ProcessAsync_NameWithALineBreakInside_IsKeptWithoutItAndAWarning()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", forename: "\"Ann\r\nMarie\"")));

        var record = (await fixtures.ProcessAsync()).Records.ShouldHaveSingleItem();

        record.FirstName.ShouldBe("Ann Marie");
        record.Warnings.ShouldHaveSingleItem().ShouldStartWith("first_name: held characters that cannot be shown (U+000A, U+000D)");
    }

    [Test]
    public async Task ProcessAsync_InvalidPostcode_IsKeptExactlyAsGivenWithAWarning()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", postcode: "NOT A CODE")));

        var record = (await fixtures.ProcessAsync()).Records.ShouldHaveSingleItem();

        record.Postcode.ShouldBe("NOT A CODE");
        record.PostcodeInvalid.ShouldBeTrue();
        record.Warnings.ShouldHaveSingleItem().ShouldBe("postcode: 'NOT A CODE' is not a valid UK postcode (kept as given)");
    }

    [Test]
    public async Task ProcessAsync_ValidPostcodeInAnyForm_IsNormalised()
    {
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1", postcode: " sw1a1aa ")));

        var record = (await fixtures.ProcessAsync()).Records.ShouldHaveSingleItem();

        record.Postcode.ShouldBe("SW1A 1AA");
        record.PostcodeInvalid.ShouldBeFalse();
    }

    // A cell with a comma, quote or formula start is quoted as a partner's export would write it.
    private static string Quoted(string cell) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
}
