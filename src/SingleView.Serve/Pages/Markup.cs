using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SingleView.Serve.Pages;

/// <summary>
/// A fragment of HTML that is safe to write. The only way to make one from data is
/// <see cref="Html(ref MarkupHandler)"/>, whose interpolation holes are HTML-encoded unless they are
/// already <see cref="Markup"/>: names containing "&lt;script&gt;" are shown, never run.
/// </summary>
internal sealed class Markup
{
    public static readonly Markup Empty = new(string.Empty);

    private string? value;

    // A fragment made by Html keeps its builder until its parent takes the text: copying the builder into the
    // parent's directly, instead of through a string of its own, halves the copying of a page built from
    // hundreds of nested fragments and allocates no string per fragment (the outer ones were large).
    private StringBuilder? pending;

    // A fragment made by Join keeps its parts until its parent takes them: each part is then copied straight into the
    // parent, not first into a builder of the join's own (a page's rows, services and records are joins).
    private Markup[]? parts;

    private Markup(string value) => this.value = value;

    private Markup(StringBuilder pending) => this.pending = pending;

    private Markup(Markup[] parts) => this.parts = parts;

    public string Value
    {
        get
        {
            if (value is null)
            {
                value = Builders.ToStringAndReturn(TakeBuilder());
            }

            return value;
        }
    }

    /// <summary>Encodes text for element content and quoted attributes alike (quotes are encoded too). Letters with accents are kept readable.</summary>
    internal static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static Markup Html(ref MarkupHandler handler) => new(handler.TakeBuilder());

    /// <summary>The parts one after another. They are made now, in order, and written when this fragment is.</summary>
    public static Markup Join(IEnumerable<Markup> parts) => new(parts.ToArray());

    /// <summary>For the app's own constant markup only (never data).</summary>
    internal static Markup Trusted(string constant) => new(constant);

    /// <summary>
    /// Appends this fragment's text. A fragment still in its builder is written once (its builder then goes
    /// back for reuse); a fragment written twice fails loudly rather than coming out empty.
    /// </summary>
    internal void WriteTo(StringBuilder target)
    {
        if (value is not null)
        {
            target.Append(value);
            return;
        }

        if (parts is { } joined)
        {
            parts = null;
            foreach (var part in joined) part.WriteTo(target);
            return;
        }

        var builder = pending ?? throw WrittenAlready();
        pending = null;
        target.Append(builder);
        Builders.Return(builder);
    }

    /// <summary>This fragment's builder (a join's parts written into a new one), taken: the fragment is then written.</summary>
    private StringBuilder TakeBuilder()
    {
        if (parts is not null)
        {
            var joined = Builders.Rent();
            WriteTo(joined);
            return joined;
        }

        var builder = pending ?? throw WrittenAlready();
        pending = null;
        return builder;
    }

    /// <summary>
    /// This fragment's text as UTF-8 in an array rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it):
    /// a page goes to the response from its builder's chunks without a string of its own. The same bytes as
    /// <see cref="Encoding.UTF8"/> gives for <see cref="Value"/>: one encoder across the chunks keeps a surrogate pair
    /// split between two chunks whole. Like <see cref="WriteTo"/>, a fragment still in its builder is written once.
    /// </summary>
    internal byte[] RentUtf8(out int length)
    {
        if (value is not null)
        {
            var whole = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
            length = Encoding.UTF8.GetBytes(value, whole);
            return whole;
        }

        var builder = TakeBuilder();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(builder.Length));
        var encoder = utf8Encoder ??= Encoding.UTF8.GetEncoder();
        var written = 0;
        foreach (var chunk in builder.GetChunks())
        {
            encoder.Convert(chunk.Span, buffer.AsSpan(written), flush: false, out _, out var bytes, out _);
            written += bytes;
        }

        encoder.Convert(ReadOnlySpan<char>.Empty, buffer.AsSpan(written), flush: true, out _, out var last, out _);
        length = written + last;
        Builders.Return(builder);
        return buffer;
    }

    public override string ToString() => Value;

    // Per thread: a page is encoded synchronously, and the final flush leaves the encoder empty for the next page.
    [ThreadStatic]
    private static Encoder? utf8Encoder;

    private static InvalidOperationException WrittenAlready() => new("this fragment has been written into another already");
}

/// <summary>
/// Builders reused by the fragments of a page: a page is built from hundreds of fragments, and a new
/// builder per fragment (grown chunk by chunk) cost more than the text itself. Per thread, because a page is
/// rendered synchronously; a stack, because fragments nest (an inner one is built while the outer is open).
/// </summary>
internal static class Builders
{
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static Stack<StringBuilder>? spare;

    public static StringBuilder Rent() => spare is { Count: > 0 } stack ? stack.Pop() : new StringBuilder(1024);

    public static string ToStringAndReturn(StringBuilder builder)
    {
        var text = builder.ToString();
        Return(builder);
        return text;
    }

    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity <= KeptCapacity)
        {
            builder.Clear();
            (spare ??= new Stack<StringBuilder>()).Push(builder);
        }
    }
}

[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private readonly StringBuilder builder;

    public MarkupHandler(int literalLength, int formattedCount) => builder = Builders.Rent();

    /// <summary>Literals are the template written in code, so they are markup.</summary>
    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Markup? markup) => markup?.WriteTo(builder);

    public readonly void AppendFormatted(string? text) => builder.Append(Markup.Encoder.Encode(text ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) =>
        builder.Append(Markup.Encoder.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable =>
        builder.Append(Markup.Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly StringBuilder TakeBuilder() => builder;
}
