using System.Text;
using SingleView.Ingest.Zones;

namespace SingleView.Standardise.Reading;

/// <summary>
/// A delivery as the UTF-8 bytes the CSV reader parses, which can be opened again at any byte offset:
/// after a broken record, reading resumes at the line after its first (<see cref="DeliveryReader"/>).
/// A UTF-8 file is its own bytes; a file in another encoding is transcoded as it streams, and copied
/// to a temporary UTF-8 file the first time it must be opened again part way (rare: a non-UTF-8
/// delivery with a broken quote), so that each reopening is a seek, not a re-read from the start.
/// Dispose deletes the copy.
/// </summary>
internal sealed class DeliverySource(string path, Encoding? encoding) : IDisposable
{
    private string? transcoded;

    private bool IsUtf8 => encoding is null or UTF8Encoding;

    /// <summary>The bytes from the start.</summary>
    public Stream Open()
    {
        var file = OpenFile(path);
        return IsUtf8 ? file : Encoding.CreateTranscodingStream(file, encoding!, new UTF8Encoding(false), leaveOpen: false);
    }

    /// <summary>The bytes from <paramref name="offset"/> on.</summary>
    public Stream OpenAt(long offset)
    {
        if (!IsUtf8 && transcoded is null)
        {
            // Beside the raw file, in the lake: the copy holds the same personal data, and a run killed
            // part way leaves it where the next run's sweep of temporary files deletes it.
            var temporary = $"{path}.{Guid.NewGuid():N}.utf8{AtomicFile.TemporarySuffix}";
            using (var source = Open())
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                source.CopyTo(copy);
            }

            transcoded = temporary;
        }

        var file = OpenFile(transcoded ?? path);
        file.Seek(offset, SeekOrigin.Begin);
        return file;
    }

    /// <summary>
    /// Where line <paramref name="line"/> starts and the line after it starts, and the line's bytes (up to
    /// <paramref name="keep"/> of them) with its length, counting lines as the CSV reader does (CR LF, LF
    /// or CR ends one) from a known line start: <paramref name="fromLine"/> at <paramref name="fromOffset"/>.
    /// The next start is the end of the input when the line is the last.
    /// </summary>
    public (long Next, byte[] Text, long Length) FindLine(long fromLine, long fromOffset, long line, int keep)
    {
        using var stream = OpenAt(fromOffset);
        var buffer = new byte[1 << 16];
        var kept = new MemoryStream();
        var current = fromLine;
        var position = fromOffset;
        long length = 0;
        var afterCarriageReturn = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var b = buffer[i];
                // The line feed of a CR LF is the second half of one line break.
                if (afterCarriageReturn && b == (byte)'\n')
                {
                    afterCarriageReturn = false;
                    continue;
                }

                afterCarriageReturn = false;
                if (current > line) return (position, kept.ToArray(), length);
                if (b is (byte)'\r' or (byte)'\n')
                {
                    current++;
                    afterCarriageReturn = b == (byte)'\r';
                    continue;
                }

                if (current != line) continue;
                length++;
                if (kept.Length < keep) kept.WriteByte(b);
            }
        }

        return (position, kept.ToArray(), length);
    }

    public void Dispose()
    {
        if (transcoded is not null) File.Delete(transcoded);
    }

    private static FileStream OpenFile(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
