using System.Text;
using SingleView.Core.Model;

namespace SingleView.Standardise.Tests.Corpus;

/// <summary>
/// One malformed delivery for the test feed (<see cref="Fixtures.Definition"/>: comma-delimited UTF-8
/// with a header) and what must come of it: the state of the feed, how many rows are standardised and
/// quarantined, and words the reason must contain (in the feed's message when held, else in a
/// quarantined row's reason). Inputs are generated here, never committed as binaries.
/// </summary>
public sealed record MalformedInput(
    string Name,
    Action<string> Write,
    FeedState State,
    int Rows,
    int Quarantined = 0,
    string? Reason = null,
    Action<StandardisedFeed>? Check = null)
{
    public override string ToString() => Name;

    /// <summary>The content in the encoding, with its byte order mark if the encoding has one (GetBytes alone never writes it).</summary>
    public static Action<string> Text(string content, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        return path => File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
    }

    public static Action<string> Bytes(params byte[][] parts) =>
        path => File.WriteAllBytes(path, parts.SelectMany(p => p).ToArray());

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
