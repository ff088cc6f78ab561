using System.Text;
using SingleView.Core.Model;

namespace SingleView.Standardise.Tests.Reading;

public class DeliveryEncodingTests
{
    static DeliveryEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public async Task ProcessAsync_Windows1252File_IsDecodedWithTheDeclaredEncoding()
    {
        using var fixtures = new Fixtures();
        var csv = Fixtures.Csv(Fixtures.Row("1", forename: "Zoë", surname: "Núñez"));
        fixtures.DropBytes("lcs_20261120.csv", Encoding.GetEncoding(1252).GetBytes(csv));

        var feed = await fixtures.ProcessAsync(Fixtures.Definition("  encoding: windows-1252"));

        var record = feed.Records.ShouldHaveSingleItem();
        (record.FirstName, record.FamilyName).ShouldBe(("Zoë", "Núñez"));
    }

    [Test]
    public async Task ProcessAsync_Utf8ByteOrderMarkOnAWindows1252Feed_TheMarkWinsAndTheHeaderIsFound()
    {
        using var fixtures = new Fixtures();
        var csv = Fixtures.Csv(Fixtures.Row("1", forename: "Zoë"));
        fixtures.DropBytes("lcs_20261120.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        var feed = await fixtures.ProcessAsync(Fixtures.Definition("  encoding: windows-1252"));

        feed.Coverage.State.ShouldBe(FeedState.Current);
        feed.Records.ShouldHaveSingleItem().FirstName.ShouldBe("Zoë");
    }

    [Test]
    public async Task ProcessAsync_TabDelimitedFile_IsReadWithTheDeclaredDelimiter()
    {
        using var fixtures = new Fixtures();
        fixtures.Drop("lcs_20261120.csv", Fixtures.Csv(Fixtures.Row("1"), Fixtures.Row("2")).Replace(',', '\t'));

        var feed = await fixtures.ProcessAsync(Fixtures.Definition("  delimiter: tab"));

        feed.Records.Count.ShouldBe(2);
    }
}
