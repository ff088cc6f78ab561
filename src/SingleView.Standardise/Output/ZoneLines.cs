namespace SingleView.Standardise.Output;

/// <summary>
/// The lines of a decompressed zone file as UTF-8 bytes, without decoding each into a string first.
/// JSON escapes line breaks inside strings, so every '\n' ends a line. Synchronous and asynchronous
/// filling share the splitting.
/// </summary>
internal sealed class ZoneLines(Stream stream)
{
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool ended;

    /// <summary>The next complete line in the buffer (valid until the next call); false when more must be read first, or at the end.</summary>
    public bool TryTake(out ReadOnlyMemory<byte> line)
    {
        var newLine = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
        if (newLine < 0 && !(ended && end > start))
        {
            line = default;
            return false;
        }

        var length = newLine < 0 ? end - start : newLine;
        line = buffer.AsMemory(start, length);
        start += newLine < 0 ? length : length + 1;
        return true;
    }

    /// <summary>Whether the stream is read to its end and every line taken.</summary>
    public bool Finished => ended && start == end;

    public void Fill() => Filled(stream.Read(Room()));

    public async ValueTask FillAsync(CancellationToken cancellationToken) => Filled(await stream.ReadAsync(RoomMemory(), cancellationToken));

    private Span<byte> Room() => RoomMemory().Span;

    // Keeps the unfinished line at the front; a line longer than the buffer doubles it.
    private Memory<byte> RoomMemory()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        return buffer.AsMemory(end);
    }

    private void Filled(int read)
    {
        if (read == 0) ended = true;
        end += read;
    }
}
