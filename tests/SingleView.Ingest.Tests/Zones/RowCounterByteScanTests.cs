using System.Text;
using SingleView.Ingest.Zones;

namespace SingleView.Ingest.Tests.Zones;

/// <summary>UTF-8 files are counted on their bytes; these hold that count to the decoded-character count.</summary>
public class RowCounterByteScanTests
{
    [Test]
    public async Task CountAsync_RandomCsvText_CountsAsTheCharacterScanDoes()
    {
        var random = new Random(20261121);
        string[] pieces = ["a", "é", "\"", "\r\n", "\n", "\r", ";", " ", "\"x\r\ny\"", "\uFEFF", "€"];
        var path = Path.Combine(Path.GetTempPath(), $"row-counter-{Guid.NewGuid():N}.csv");
        try
        {
            for (var sample = 0; sample < 300; sample++)
            {
                var text = new StringBuilder(sample % 3 == 0 ? "\uFEFF" : string.Empty);
                for (var i = random.Next(0, 60); i > 0; i--) text.Append(pieces[random.Next(pieces.Length)]);
                await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false));

                var byBytes = await RowCounter.CountAsync(path, new UTF8Encoding(false), '"', header: false, CancellationToken.None);
                var byCharacters = await RowCounter.CountAsync(path, Encoding.Latin1, '"', header: false, CancellationToken.None);

                byBytes.ShouldBe(byCharacters, text.ToString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task CountAsync_LargeFileAcrossBuffers_CountsEveryRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"row-counter-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, "id;name\r\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{i};\"name\r\n{i}\"\r\n")));

            (await RowCounter.CountAsync(path, Encoding.UTF8, '"', header: true, CancellationToken.None)).ShouldBe(100_000);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
