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

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>For the app's own constant markup only (never data).</summary>
    internal static Markup Trusted(string constant) => new(constant);

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private readonly StringBuilder builder;

    public MarkupHandler(int literalLength, int formattedCount) => builder = new StringBuilder(literalLength + (formattedCount * 16));

    /// <summary>Literals are the template written in code, so they are markup.</summary>
    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Markup? markup) => builder.Append(markup?.Value);

    public readonly void AppendFormatted(string? text) => builder.Append(Markup.Encoder.Encode(text ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) =>
        builder.Append(Markup.Encoder.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable =>
        builder.Append(Markup.Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly string ToStringAndClear()
    {
        var text = builder.ToString();
        builder.Clear();
        return text;
    }
}
