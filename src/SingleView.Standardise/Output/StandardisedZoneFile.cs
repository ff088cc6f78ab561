using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Ingest.Zones;

namespace SingleView.Standardise.Output;

/// <summary>
/// A standardised delivery: gzip JSON Lines, one <see cref="PersonRecord"/> per line. Records are
/// serialised synchronously into a buffer in front of the compressor (one small async write per record
/// cost more than the mapping), and compressed at the fastest level: the zone is rewritten nightly and
/// read once, so speed matters more than the last few per cent of size.
/// </summary>
internal sealed class StandardisedZoneFile : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile file;
    private readonly GZipStream gzip;
    private readonly BufferedStream buffer;
    private readonly Utf8JsonWriter json;

    private StandardisedZoneFile(string path)
    {
        file = AtomicFile.Create(path);
        gzip = new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true);
        buffer = new BufferedStream(gzip, 1 << 16);
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Starts writing under a temporary name; nothing is visible until <see cref="CommitAsync"/>.</summary>
    public static StandardisedZoneFile Create(string path) => new(path);

    public void Write(PersonRecord record)
    {
        PersonRecordJson.Write(json, record);
        json.Flush();
        json.Reset();
        buffer.Write(NewLine);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await json.DisposeAsync();
        await buffer.DisposeAsync();
        await gzip.DisposeAsync();
        await file.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await json.DisposeAsync();
        await buffer.DisposeAsync();
        await gzip.DisposeAsync();
        await file.DisposeAsync();
    }

    /// <summary>The number of records, counted by line without deserialising them.</summary>
    public static async Task<int> CountAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        var chunk = new byte[1 << 16];
        var count = 0;
        var lastWasNewLine = true;
        int read;
        while ((read = await gzip.ReadAsync(chunk, cancellationToken)) > 0)
        {
            count += chunk.AsSpan(0, read).Count((byte)'\n');
            lastWasNewLine = chunk[read - 1] == '\n';
        }

        return lastWasNewLine ? count : count + 1;
    }

    public static async IAsyncEnumerable<PersonRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0) continue;
            yield return JsonSerializer.Deserialize<PersonRecord>(line, LakeJson.Options)
                ?? throw new InvalidDataException($"{path}: a line holds no record");
        }
    }
}
