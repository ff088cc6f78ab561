using System.Text;
using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

public class RowCounterTests
{
    [TestCase("id,name\n1,a\n2,b\n", true, 2)]
    [TestCase("id,name\n1,a\n2,b", true, 2)]
    [TestCase("id,name\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n", true, 2)]
    [TestCase("1,a\n2,b\n", false, 2)]
    [TestCase("", true, 0)]
    public async Task CountAsync_Csv_CountsRecordsNotLines(string content, bool header, long expected)
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("x.csv", content);

        var rows = await RowCounter.CountAsync(path, Encoding.UTF8, '"', header, CancellationToken.None);

        rows.ShouldBe(expected);
    }
}
