using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SingleView.Standardise.Output;

/// <summary>
/// Writes the JSON of version-3 rows straight into the zone's buffer. A row is mostly small numbers and
/// short plain text, for which the general <c>Utf8JsonWriter</c>'s per-value bookkeeping (depth, validation
/// state, separators, escaping policy) cost more than the bytes. Text is escaped as JSON requires
/// (quote, backslash, control characters) and written as UTF-8; nothing else is escaped, as the zone is
/// read only by <see cref="StandardisedZoneFile"/>, never shown. It takes the sealed
/// <see cref="ArrayBufferWriter{T}"/>, not the interface: GetSpan and Advance, called for every value,
/// are then direct calls the JIT can inline.
/// </summary>
internal sealed class ZoneRowWriter(ArrayBufferWriter<byte> output)
{
    // Printable ASCII that JSON does not escape: a value made only of these is copied byte for byte.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    private bool separate;

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

    /// <summary>Ends the row's line; the next value starts a new row.</summary>
    public void EndLine()
    {
        Byte((byte)'\n');
        separate = false;
    }

    public void Number(long value)
    {
        // Most numbers of a row are one digit (absent values, flags, enumerations, the next raw line):
        // the separator and the digit in one step, without the general formatter.
        if ((ulong)value < 10)
        {
            var small = output.GetSpan(2);
            var at = 0;
            if (separate) small[at++] = (byte)',';
            small[at++] = (byte)('0' + value);
            output.Advance(at);
            separate = true;
            return;
        }

        Separator();
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public void True()
    {
        Separator();
        "true"u8.CopyTo(output.GetSpan(4));
        output.Advance(4);
    }

    public void Null()
    {
        Separator();
        "null"u8.CopyTo(output.GetSpan(4));
        output.Advance(4);
    }

    public void String(string value)
    {
        Separator();
        var text = value.AsSpan();
        if (!text.ContainsAnyExcept(Plain))
        {
            var span = output.GetSpan(text.Length + 2);
            span[0] = (byte)'"';
            Encoding.ASCII.GetBytes(text, span[1..]);
            span[text.Length + 1] = (byte)'"';
            output.Advance(text.Length + 2);
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

    // What JSON requires escaped: the quote, the backslash and control characters.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\");

    // Text without anything to escape, as UTF-8 (a lone surrogate becomes U+FFFD, as Encoding.UTF8 writes it).
    private void Utf8Run(ReadOnlySpan<char> run)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
        Utf8.FromUtf16(run, span, out _, out var written, replaceInvalidSequences: true);
        output.Advance(written);
    }

    private void Escape(char character)
    {
        var span = output.GetSpan(6);
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

        output.Advance(length);
    }

    private void Separator()
    {
        if (separate) Byte((byte)',');
        separate = true;
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
