using System.Buffers;
using System.Text;
using System.Text.Json;
using SingleView.Ingest.Zones;

namespace SingleView.Standardise.Output;

/// <summary>A row that could not be used: where it was, what it said, and why it was set aside.</summary>
internal sealed record QuarantineEntry(long LineNumber, string RawText, string Reason);

/// <summary>The quarantined rows of one delivery, as JSON Lines, for the data quality officer and the data owner.</summary>
internal sealed class QuarantineFile : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile file;
    private readonly BufferedStream buffer;

    // An entry is written into memory, then into the file's buffer: a JSON writer over a stream flushes
    // the stream at each entry's end, which was a write to the file for every quarantined row.
    private readonly ArrayBufferWriter<byte> entryBytes = new(1024);
    private readonly Utf8JsonWriter json;

    private QuarantineFile(string path)
    {
        file = AtomicFile.Create(path);
        buffer = new BufferedStream(file.Stream, 1 << 16);
        json = new Utf8JsonWriter(entryBytes, new JsonWriterOptions { SkipValidation = true });
    }

    public int Count { get; private set; }

    public static QuarantineFile Create(string path) => new(path);

    public void Write(QuarantineEntry entry)
    {
        entryBytes.ResetWrittenCount();
        JsonSerializer.Serialize(json, entry, LakeJson.Options);
        json.Flush();
        json.Reset();
        buffer.Write(entryBytes.WrittenSpan);
        buffer.Write(NewLine);
        Count++;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await json.DisposeAsync();
        await buffer.FlushAsync(cancellationToken);
        await file.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await json.DisposeAsync();
        await file.DisposeAsync();
    }

    public static async Task<IReadOnlyList<QuarantineEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return [];
        var entries = new List<QuarantineEntry>();
        foreach (var line in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken))
        {
            if (line.Length == 0) continue;
            entries.Add(JsonSerializer.Deserialize<QuarantineEntry>(line, LakeJson.Options)
                ?? throw new InvalidDataException($"{path}: a line holds no quarantine entry"));
        }

        return entries;
    }

    public static int CountLines(string path) =>
        File.Exists(path) ? File.ReadLines(path).Count(l => l.Length > 0) : 0;
}
