using System.Buffers;
using System.Text;

namespace SingleView.Ingest.Zones;

/// <summary>
/// Counts the records of a CSV file for its manifest without parsing it: line breaks outside quotes,
/// ignoring empty lines. It is a receipt ("we got 1,204 rows"), not a validation; the standardiser
/// decides which rows are usable.
/// </summary>
internal static class RowCounter
{
    public static async Task<long> CountAsync(string path, Encoding encoding, char quote, bool header, CancellationToken cancellationToken)
    {
        var records = IsAsciiCompatible(path, encoding, quote)
            ? CountBytes(path, (byte)quote, cancellationToken)
            : await CountCharactersAsync(path, encoding, quote, cancellationToken);
        return header ? Math.Max(0, records - 1) : records;
    }

    /// <summary>
    /// The byte scan for a file being copied, fed its bytes chunk by chunk as they pass (landing copies
    /// and hashes the file in one pass: counting in the same pass saves reading it again). Null when the
    /// file's first bytes or the feed's encoding or quote need the character scan of <see cref="CountAsync"/>.
    /// </summary>
    /// <param name="start">The file's first chunk (at least its first two bytes, or the whole file).</param>
    public static ByteRowCount? ByteCountFor(ReadOnlySpan<byte> start, Encoding encoding, char quote) =>
        encoding is UTF8Encoding && quote <= 0x7F && !StartsWithUtf16Mark(start) ? new ByteRowCount((byte)quote) : null;

    // UTF-8 without a UTF-16 byte order mark: quote and line breaks are single bytes that never occur
    // inside a multi-byte character, so the bytes can be scanned (vectorised) without decoding them.
    private static bool IsAsciiCompatible(string path, Encoding encoding, char quote)
    {
        if (encoding is not UTF8Encoding || quote > 0x7F) return false;
        Span<byte> start = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        return !StartsWithUtf16Mark(start[..read]);
    }

    private static bool StartsWithUtf16Mark(ReadOnlySpan<byte> start) =>
        start.Length >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF));

    private static long CountBytes(string path, byte quote, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var count = new ByteRowCount(quote);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                count.Add(buffer.AsSpan(0, read));
            }

            return count.Records(header: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<long> CountCharactersAsync(string path, Encoding encoding, char quote, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[65536];
        long records = 0;
        var inQuotes = false;
        var lineHasContent = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == quote) inQuotes = !inQuotes;
                if (!inQuotes && c is '\n' or '\r')
                {
                    if (lineHasContent) records++;
                    lineHasContent = false;
                }
                else
                {
                    lineHasContent = true;
                }
            }
        }

        if (lineHasContent) records++;
        return records;
    }
}

/// <summary>
/// The byte scan of <see cref="RowCounter"/>, chunk by chunk: the same count as the character scan (any
/// character other than a line break outside quotes, a quote or a line break inside quotes, gives the
/// line content). The chunks may be cut anywhere once the first holds the file's first three bytes
/// (a UTF-8 byte order mark is looked for there).
/// </summary>
internal sealed class ByteRowCount(byte quote)
{
    private readonly SearchValues<byte> special = SearchValues.Create([quote, (byte)'\n', (byte)'\r']);
    private long records;
    private bool inQuotes;
    private bool lineHasContent;
    private bool first = true;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (first && !chunk.IsEmpty)
        {
            // StreamReader drops a UTF-8 byte order mark; so does this.
            if (chunk.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) chunk = chunk[3..];
            first = false;
        }

        while (!chunk.IsEmpty)
        {
            var next = chunk.IndexOfAny(special);
            if (next < 0)
            {
                lineHasContent = true;
                break;
            }

            var c = chunk[next];
            if (c == quote) inQuotes = !inQuotes;
            if (!inQuotes && c is (byte)'\n' or (byte)'\r')
            {
                if (next > 0 || lineHasContent) records++;
                lineHasContent = false;
            }
            else
            {
                lineHasContent = true;
            }

            chunk = chunk[(next + 1)..];
        }
    }

    /// <summary>The records seen so far (a last line without a line break counts), less the header row if there is one.</summary>
    public long Records(bool header)
    {
        var total = records + (lineHasContent ? 1 : 0);
        return header ? Math.Max(0, total - 1) : total;
    }
}
