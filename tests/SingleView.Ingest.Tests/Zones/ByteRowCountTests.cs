using System.Text;
using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

/// <summary>Landing counts rows as the copied bytes pass, in chunks; these hold that count to the file scan.</summary>
public class ByteRowCountTests
{
    [Test]
    public async Task Add_RandomCsvTextInRandomChunks_CountsAsTheFileScanDoes()
    {
        var random = new Random(20261121);
        string[] pieces = ["a", "é", "\"", "\r\n", "\n", "\r", ";", " ", "\"x\r\ny\"", "\uFEFF", "€"];
        var path = Path.Combine(Path.GetTempPath(), $"byte-row-count-{Guid.NewGuid():N}.csv");
        try
        {
            for (var sample = 0; sample < 300; sample++)
            {
                var text = new StringBuilder(sample % 3 == 0 ? "\uFEFF" : string.Empty);
                for (var i = random.Next(1, 60); i > 0; i--) text.Append(pieces[random.Next(pieces.Length)]);
                var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
                await File.WriteAllBytesAsync(path, bytes);
                var header = sample % 2 == 0;

                // The first chunk holds at least three bytes, as a landing buffer does; the rest are cut anywhere.
                var first = Math.Min(bytes.Length, random.Next(3, 8));
                var count = RowCounter.ByteCountFor(bytes.AsSpan(0, first), Encoding.UTF8, '"')!;
                count.Add(bytes.AsSpan(0, first));
                for (var at = first; at < bytes.Length;)
                {
                    var length = Math.Min(bytes.Length - at, random.Next(1, 6));
                    count.Add(bytes.AsSpan(at, length));
                    at += length;
                }

                count.Records(header).ShouldBe(await RowCounter.CountAsync(path, Encoding.UTF8, '"', header, CancellationToken.None), text.ToString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ByteCountFor_Utf16ByteOrderMark_IsNullForTheCharacterScan()
    {
        RowCounter.ByteCountFor([0xFF, 0xFE, (byte)'a', 0], Encoding.UTF8, '"').ShouldBeNull();
    }

    [Test]
    public void ByteCountFor_NotUtf8_IsNullForTheCharacterScan()
    {
        RowCounter.ByteCountFor("a;b\r\n"u8, Encoding.Latin1, '"').ShouldBeNull();
    }
}
