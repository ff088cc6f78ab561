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

    // UTF-8 without a UTF-16 byte order mark: quote and line breaks are single bytes that never occur
    // inside a multi-byte character, so the bytes can be scanned (vectorised) without decoding them.
    private static bool IsAsciiCompatible(string path, Encoding encoding, char quote)
    {
        if (encoding is not UTF8Encoding || quote > 0x7F) return false;
        Span<byte> start = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        return !(read == 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)));
    }

    // The same count as CountCharactersAsync: any character other than a line break outside quotes
    // (a quote, a line break inside quotes, anything else) gives the line content.
    private static long CountBytes(string path, byte quote, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var special = SearchValues.Create([quote, (byte)'\n', (byte)'\r']);
            long records = 0;
            var inQuotes = false;
            var lineHasContent = false;
            var first = true;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = buffer.AsSpan(0, read);
                if (first)
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

            if (lineHasContent) records++;
            return records;
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
