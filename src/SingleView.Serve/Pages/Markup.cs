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

    private Markup(string value) => Value = value;

    public string Value { get; }

    /// <summary>Encodes text for element content and quoted attributes alike (quotes are encoded too). Letters with accents are kept readable.</summary>
    internal static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static Markup Html(ref MarkupHandler handler) => new(handler.ToStringAndClear());

    public static Markup Join(IEnumerable<Markup> parts)
    {
        var builder = Builders.Rent();
        foreach (var part in parts) builder.Append(part.Value);
        return new(Builders.ToStringAndReturn(builder));
    }

    /// <summary>For the app's own constant markup only (never data).</summary>
    internal static Markup Trusted(string constant) => new(constant);

    public override string ToString() => Value;
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
        if (builder.Capacity <= KeptCapacity)
        {
            builder.Clear();
            (spare ??= new Stack<StringBuilder>()).Push(builder);
        }

        return text;
    }
}

[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private readonly StringBuilder builder;

    public MarkupHandler(int literalLength, int formattedCount) => builder = Builders.Rent();

    /// <summary>Literals are the template written in code, so they are markup.</summary>
    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Markup? markup) => builder.Append(markup?.Value);

    public readonly void AppendFormatted(string? text) => builder.Append(Markup.Encoder.Encode(text ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) =>
        builder.Append(Markup.Encoder.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable =>
        builder.Append(Markup.Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly string ToStringAndClear() => Builders.ToStringAndReturn(builder);
}
