using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace SingleView.Standardise.Output;

/// <summary>
/// Writes the JSON of version-3 rows straight into the zone's buffer. A row is mostly small numbers and
/// short plain text, for which the general <c>Utf8JsonWriter</c>'s per-value bookkeeping (depth, validation
/// state, separators, escaping policy) cost more than the bytes. Text is escaped as JSON requires
/// (quote, backslash, control characters) and written as UTF-8; nothing else is escaped, as the zone is
/// read only by <see cref="StandardisedZoneFile"/>, never shown. Values go straight into the
/// <see cref="ArrayBufferWriter{T}"/>'s array, which is asked for room and advanced about once a row
/// rather than for every value.
/// </summary>
internal sealed class ZoneRowWriter(ArrayBufferWriter<byte> output)
{
    // Room taken from the output at a time: a row is a few hundred bytes, so one request per row.
    private const int Reserve = 1024;

    // Printable ASCII that JSON does not escape: a value made only of these is copied byte for byte.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    // What JSON requires escaped: the quote, the backslash and control characters.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\");

    private bool separate;

    // The room being written: the output's array from start (not yet advanced over) up to limit. Values are
    // written into it directly and the output is advanced once, at the end of a row, instead of a request
    // and an advance for every value (about forty a row).
    private byte[] room = [];
    private int start;
    private int position;
    private int limit;

    public void StartArray()
    {
        Separator();
        Byte((byte)'[');
        separate = false;
    }

    public void EndArray()
    {
        Byte((byte)']');
        separate = true;
    }

    /// <summary>Ends the row's line; the next value starts a new row. The row is then in the output.</summary>
    public void EndLine()
    {
        Byte((byte)'\n');
        separate = false;
        Flush();
    }

    /// <summary>
    /// Puts what is written into the output (<see cref="EndLine"/> does this for every row). The output
    /// may then be compressed and cleared, so room is taken from it afresh for the next value.
    /// </summary>
    public void Flush()
    {
        output.Advance(position - start);
        room = [];
        start = position = limit = 0;
    }

    public void Number(long value)
    {
        // Most numbers of a row are one digit (absent values, flags, enumerations, the next raw line):
        // the separator and the digit in one step, without the general formatter.
        if ((ulong)value < 10)
        {
            Ensure(2);
            if (separate) room[position++] = (byte)',';
            room[position++] = (byte)('0' + value);
            separate = true;
            return;
        }

        Separator();
        Ensure(20);
        value.TryFormat(room.AsSpan(position, 20), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        position += written;
    }

    public void True()
    {
        Separator();
        Ensure(4);
        "true"u8.CopyTo(room.AsSpan(position, 4));
        position += 4;
    }

    public void Null()
    {
        Separator();
        Ensure(4);
        "null"u8.CopyTo(room.AsSpan(position, 4));
        position += 4;
    }

    public void String(string value)
    {
        Separator();
        var text = value.AsSpan();
        if (!text.ContainsAnyExcept(Plain))
        {
            Ensure(text.Length + 2);
            room[position] = (byte)'"';
            Encoding.ASCII.GetBytes(text, room.AsSpan(position + 1, text.Length));
            room[position + text.Length + 1] = (byte)'"';
            position += text.Length + 2;
            return;
        }

        Byte((byte)'"');
        while (!text.IsEmpty)
        {
            var escape = text.IndexOfAny(Escaped);
            var run = escape < 0 ? text : text[..escape];
            if (!run.IsEmpty) Utf8Run(run);
            if (escape < 0) break;
            Escape(text[escape]);
            text = text[(escape + 1)..];
        }

        Byte((byte)'"');
    }

    // Text without anything to escape, as UTF-8 (a lone surrogate becomes U+FFFD, as Encoding.UTF8 writes it).
    private void Utf8Run(ReadOnlySpan<char> run)
    {
        var most = Encoding.UTF8.GetMaxByteCount(run.Length);
        Ensure(most);
        Utf8.FromUtf16(run, room.AsSpan(position, most), out _, out var written, replaceInvalidSequences: true);
        position += written;
    }

    private void Escape(char character)
    {
        Ensure(6);
        var span = room.AsSpan(position, 6);
        span[0] = (byte)'\\';
        var length = 2;
        switch (character)
        {
            case '"': span[1] = (byte)'"'; break;
            case '\\': span[1] = (byte)'\\'; break;
            case '\n': span[1] = (byte)'n'; break;
            case '\r': span[1] = (byte)'r'; break;
            case '\t': span[1] = (byte)'t'; break;
            default:
                span[1] = (byte)'u';
                ((int)character).TryFormat(span[2..6], out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
                length = 6;
                break;
        }

        position += length;
    }

    private void Separator()
    {
        if (separate) Byte((byte)',');
        separate = true;
    }

    private void Byte(byte value)
    {
        Ensure(1);
        room[position++] = value;
    }

    private void Ensure(int count)
    {
        if (limit - position < count) Refill(count);
    }

    // What is written so far goes to the output; more room is taken from it.
    private void Refill(int count)
    {
        output.Advance(position - start);
        if (!MemoryMarshal.TryGetArray<byte>(output.GetMemory(Math.Max(count, Reserve)), out var segment)) throw new InvalidOperationException("the output is not array-backed");
        room = segment.Array!;
        start = position = segment.Offset;
        limit = segment.Offset + segment.Count;
    }
}
