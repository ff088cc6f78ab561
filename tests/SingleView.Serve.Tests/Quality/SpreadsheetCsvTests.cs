using SingleView.Serve.Quality;

namespace SingleView.Serve.Tests.Quality;

public class SpreadsheetCsvTests
{
    [TestCase("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [TestCase("+1+2", "\"'+1+2\"")]
    [TestCase("-2+3", "\"'-2+3\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    [TestCase("\t=1", "\"'\t=1\"")]
    [TestCase("\r=1", "\"'\r=1\"")]
    public void Cell_StartsLikeAFormula_GetsALeadingApostrophe(string value, string expected) =>
        SpreadsheetCsv.Cell(value).ShouldBe(expected);

    [TestCase("Smith", "\"Smith\"")]
    [TestCase("a=b", "\"a=b\"")]
    [TestCase("", "\"\"")]
    public void Cell_OrdinaryText_IsOnlyQuoted(string value, string expected) =>
        SpreadsheetCsv.Cell(value).ShouldBe(expected);

    [Test]
    public void Csv_QuarantinedRowWithAFormula_IsNeutralisedInTheExport()
    {
        var delivery = new DeliveryQuality(
            "police", new DateOnly(2026, 11, 20), "police_20261120.csv", null, false, false, 0, [], 1,
            new Dictionary<string, int> { ["-date_of_birth: not a date"] = 1 },
            [new QuarantinedRow(7, "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")], 0);
        var feed = new FeedQuality("police", "Current", null, 10, 4, [delivery]);

        var csv = QualityExport.Csv(feed);

        var cells = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).SelectMany(line => line.Split("\",\"")).Select(c => c.Trim('"')).ToList();
        cells.ShouldNotContain(c => c.StartsWith('=') || c.StartsWith('+') || c.StartsWith('-') || c.StartsWith('@'));
        csv.ShouldContain("'=cmd");
        csv.ShouldContain("'@SUM");
        csv.ShouldContain("'-date_of_birth");
    }
}
