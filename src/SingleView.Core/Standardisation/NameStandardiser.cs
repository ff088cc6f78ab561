using System.Buffers;
using System.Globalization;
using System.Text;

namespace SingleView.Core.Standardisation;

/// <summary>
/// Names in two forms. The display form is the name as the source gave it, trimmed: "Siân", "MacDonald",
/// "De la Cruz", "Amelia \"Millie\"", "-2+3" and "&lt;script&gt;" are shown as they arrived (the pages
/// encode what they show, the CSV exports neutralise formulas). Only characters that cannot be shown
/// at all (control characters, invisible direction overrides) are taken out, and the caller is told.
/// The match key is where names are folded, cased and stripped: diacritics removed, upper case,
/// letters only, titles dropped.
/// </summary>
public static class NameStandardiser
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "master", "prof", "rev", "sir", "dame", "lady", "lord",
    };

    // Characters no name holds and no page can show faithfully: C0 and C1 controls (a line break from a
    // multi-line cell, a tab, NUL), the zero-width space and byte order mark, and the bidirectional
    // embeddings, overrides and isolates that make text read in another order than it is stored
    // ("Trojan Source"). Zero-width joiners and non-joiners stay: Persian and Indic names need them.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> Unshowable = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c))
        + "\u200B\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF");

    /// <summary>The display form: the name as given, trimmed; null when empty.</summary>
    public static string? Standardise(string? raw) => Standardise(raw, out _);

    /// <summary>
    /// The display form, and in <paramref name="change"/> what had to be taken out for the name to be
    /// shown (null when the name is kept exactly as given, trimmed): a control character becomes a space
    /// where it stood between words (a line break inside the cell), and other unshowable characters go.
    /// </summary>
    public static string? Standardise(string? raw, out string? change)
    {
        change = null;
        if (raw is null) return null;
        var name = raw.AsSpan().Trim();
        if (name.IsEmpty) return null;
        if (name.IndexOfAny(Unshowable) < 0) return name.Length == raw.Length ? raw : name.ToString();

        var builder = new StringBuilder(name.Length);
        var removed = new SortedSet<int>();
        foreach (var c in name)
        {
            if (!Unshowable.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            removed.Add(c);
            // A line break or tab separated two words: keep them apart.
            if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }

        var shown = builder.ToString().Trim();
        var codes = string.Join(", ", removed.Select(c => string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}")));
        change = shown.Length == 0
            ? $"held only characters that cannot be shown ({codes}): left empty"
            : $"held characters that cannot be shown ({codes}): kept as '{shown}' without them";
        return shown.Length == 0 ? null : shown;
    }

    /// <summary>
    /// The comparison form: upper-case letters with diacritics folded, apostrophes dropped
    /// ("O’Brien" is "OBRIEN"), and anything else that is not a letter (white space, hyphens, dashes,
    /// digits, quotes, brackets) a single space between parts, so that parts of a double-barrelled name
    /// can be compared; leading titles ("Mr", "Dr.") are dropped. "Siân" and "SIAN" have one key.
    /// </summary>
    public static string MatchKey(string? name)
    {
        if (string.IsNullOrEmpty(name)) return string.Empty;
        var builder = new StringBuilder(name.Length);
        var lastSpace = true;
        foreach (var c in RemoveDiacritics(name))
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
                lastSpace = false;
            }
            else if (IsApostrophe(c))
            {
                // "O'Brien" is one word.
            }
            else if (!lastSpace)
            {
                builder.Append(' ');
                lastSpace = true;
            }
        }

        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return WithoutLeadingTitles(builder.ToString());
    }

    /// <summary>
    /// Splits "SMITH, John Paul" (family name first) or "John Paul Smith" into first, middle and family
    /// names, each part as given. A leading title stays with the first name ("Mr John Smith" is
    /// "Mr John" and "Smith"): it is part of what the source gave, and the match key drops it.
    /// </summary>
    public static (string? First, string? Middle, string? Family) SplitFullName(string? raw) => SplitFullName(raw, out _);

    /// <summary>As <see cref="SplitFullName(string?)"/>, with what had to be taken out (see <see cref="Standardise(string?, out string?)"/>).</summary>
    public static (string? First, string? Middle, string? Family) SplitFullName(string? raw, out string? change)
    {
        var name = Standardise(raw, out change);
        if (name is null) return (null, null, null);
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        string? family;
        string[] given;
        if (comma >= 0)
        {
            family = Standardise(name[..comma]);
            given = Words(name[(comma + 1)..]);
        }
        else
        {
            var parts = Words(name);
            family = parts.Length > 1 ? parts[^1] : null;
            given = parts.Length > 1 ? parts[..^1] : parts;
        }

        var titles = 0;
        while (titles < given.Length - 1 && IsTitle(given[titles])) titles++;
        var first = given.Length > 0 ? string.Join(' ', given[..(titles + 1)]) : null;
        var middle = given.Length > titles + 1 ? string.Join(' ', given[(titles + 1)..]) : null;
        return (first, middle, family);
    }

    internal static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // Normalize is a no-op under invariant globalization, so precomposed letters are folded by table.
            if (LatinFolding.Fold(c) is { } plain) builder.Append(plain);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The titles dropped from match keys (for tests).</summary>
    internal static IReadOnlyCollection<string> TitleWords => Titles;

    // The words of a name, split at white space and, after "FAMILY," at further commas ("SMITH, John, Paul").
    private static string[] Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || char.IsWhiteSpace(text[i]) || text[i] == ',';
            if (!separator && start < 0) start = i;
            if (separator && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return [.. words];
    }

    private static bool IsTitle(string word) => Titles.Contains(word.TrimEnd('.'));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';

    // A key made only of titles is no name at all ("Mr" alone): empty, as the title would otherwise
    // agree with every other record that has only a title.
    private static string WithoutLeadingTitles(string key)
    {
        var start = 0;
        while (start < key.Length)
        {
            var end = key.IndexOf(' ', start);
            var word = end < 0 ? key.AsSpan(start) : key.AsSpan(start, end - start);
            if (!TitleLookup.Contains(word)) break;
            start = end < 0 ? key.Length : end + 1;
        }

        return start == 0 ? key : key[start..];
    }
}
