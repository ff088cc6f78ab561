using System.Text;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Standardise.Output;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Tests.Reading;

/// <summary>
/// One unclosed quote must not swallow the rest of a delivery: the broken record is quarantined and
/// reading resumes at the next line that is a well-formed record; a quoted multi-line field still parses.
/// </summary>
public class DeliveryReaderTests
{
    private static readonly string Unclosed = Fixtures.Row("2", forename: "\"Ann");

    static DeliveryReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public void Read_UnclosedQuoteInTheMiddle_QuarantinesItsLineAndKeepsTheRowsAfter()
    {
        var lines = Read(Fixtures.Csv(Fixtures.Row("1"), Unclosed, Fixtures.Row("3"), Fixtures.Row("4")));

        lines.ShouldBe([("1", 2), (Malformed(Unclosed), 3), ("3", 4), ("4", 5)]);
    }

    [Test]
    public void Read_UnclosedQuoteInTheMiddle_ReasonSaysWhereReadingResumed()
    {
        using var file = new DeliveryFile(Fixtures.Csv(Fixtures.Row("1"), Unclosed, Fixtures.Row("3")));
        using var reader = DeliveryReader.Open(file.Path, Fixtures.Definition());

        var broken = reader.Read(CancellationToken.None).OfType<MalformedLine>().ToList().ShouldHaveSingleItem();

        broken.Reason.ShouldContain("a quoted field is never closed");
        broken.Reason.ShouldContain("reading resumed at line 4");
    }

    [Test]
    public void Read_UnclosedQuoteOnTheLastRow_QuarantinesOnlyThatRow()
    {
        var lines = Read(Fixtures.Csv(Fixtures.Row("1"), Fixtures.Row("3"), Unclosed));

        lines.ShouldBe([("1", 2), ("3", 3), (Malformed(Unclosed), 4)]);
    }

    [Test]
    public void Read_UnclosedQuoteClosedByALaterQuotedField_KeepsTheRowsBetweenAndThatRow()
    {
        var quotedPlan = Fixtures.Row("4", plan: "\"Child in need, section 17\"");

        var lines = Read(Fixtures.Csv(Fixtures.Row("1"), Unclosed, Fixtures.Row("3"), quotedPlan, Fixtures.Row("5")));

        lines.ShouldBe([("1", 2), (Malformed(Unclosed), 3), ("3", 4), ("4", 5), ("5", 6)]);
    }

    [Test]
    public void Read_QuotedMultiLineField_IsOneRecordAndTheLinesAfterKeepTheirNumbers()
    {
        var multiLine = Fixtures.Row("2", plan: "\"Child in need\r\nsecond line\r\nthird line\"");

        var lines = Read(Fixtures.Csv(Fixtures.Row("1"), multiLine, Unclosed.Replace("2,", "3,", StringComparison.Ordinal), Fixtures.Row("4")));

        lines.ShouldBe([("1", 2), ("2", 3), (Malformed(Unclosed.Replace("2,", "3,", StringComparison.Ordinal)), 6), ("4", 7)]);
    }

    [Test]
    public void Read_QuotedMultiLineFieldAfterAnUnclosedQuote_StillParses()
    {
        var multiLine = Fixtures.Row("3", plan: "\"Child in need\nsecond line\"");

        var lines = Read(Fixtures.Csv(Fixtures.Row("1"), Unclosed, multiLine, Fixtures.Row("4")));

        lines.ShouldBe([("1", 2), (Malformed(Unclosed), 3), ("3", 4), ("4", 6)]);
    }

    [Test]
    public void Read_UnclosedQuoteInAWindows1252Delivery_KeepsTheRowsAfter()
    {
        var csv = Fixtures.Csv(Fixtures.Row("1", forename: "Zoë"), Unclosed, Fixtures.Row("3", forename: "Núñez"));
        using var file = new DeliveryFile(Encoding.GetEncoding(1252).GetBytes(csv));
        List<string?> forenames;
        using (var reader = DeliveryReader.Open(file.Path, Fixtures.Definition("  encoding: windows-1252")))
        {
            forenames = reader.Read(CancellationToken.None).Select(l => l is DeliveryRow row ? row.Cell("Forename") : "broken").ToList();
        }

        forenames.ShouldBe(["Zoë", "broken", "Núñez"]);
        // The transcoded copy made to resume is deleted with the reader.
        Directory.EnumerateFiles(Path.GetDirectoryName(file.Path)!).Where(f => f.StartsWith(file.Path + ".", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Test]
    public async Task ProcessAsync_UnclosedQuoteInTheMiddle_PublishesTheRowsAfterAndQuarantinesTheBrokenOne()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), Unclosed, Fixtures.Row("3"), Fixtures.Row("4")));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.Current);
        feed.Records.Select(r => r.Key.RecordId).ShouldBe(["1", "3", "4"]);
        var quarantined = (await QuarantineFile.ReadAsync(fixtures.Lake.QuarantinePath("lcs", new DateOnly(2026, 11, 20), "lcs_20261120.csv"), CancellationToken.None))
            .ShouldHaveSingleItem();
        (quarantined.LineNumber, quarantined.RawText).ShouldBe((3, Unclosed));
    }

    [Test]
    public async Task ProcessAsync_MoreBrokenRecordsThanResumptions_IsHeld()
    {
        using var fixtures = new Fixtures();
        var rows = Enumerable.Range(2, DeliveryReader.MaxResumptions + 1).Select(i => Fixtures.Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture), forename: "\"Ann"));
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv([Fixtures.Row("1"), .. rows]));

        var feed = await fixtures.ProcessAsync();

        feed.Coverage.State.ShouldBe(FeedState.Held);
        feed.Coverage.Message.ShouldNotBeNull().ShouldContain("quoting cannot be trusted");
    }

    private static string Malformed(string row) => "quarantined: " + row;

    // Each line read: the record id of a row, or the raw text of a quarantined record; with its line number.
    private static List<(string Line, long Number)> Read(string csv, FeedDefinition? definition = null)
    {
        using var file = new DeliveryFile(csv);
        using var reader = DeliveryReader.Open(file.Path, definition ?? Fixtures.Definition());
        reader.Problem.ShouldBeNull();
        return reader.Read(CancellationToken.None)
            .Select(l => (l is DeliveryRow row ? row.Cell("PersonID")! : Malformed(l.RawText), l.LineNumber))
            .ToList();
    }

    private sealed class DeliveryFile : IDisposable
    {
        public DeliveryFile(string csv)
            : this(new UTF8Encoding(false).GetBytes(csv))
        {
        }

        public DeliveryFile(byte[] bytes) => File.WriteAllBytes(Path, bytes);

        public string Path { get; } = System.IO.Path.GetTempFileName();

        public void Dispose() => File.Delete(Path);
    }
}
