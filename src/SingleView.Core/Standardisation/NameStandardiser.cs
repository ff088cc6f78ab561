using System.Globalization;
using System.Text;

namespace SingleView.Core.Standardisation;

/// <summary>
/// Puts names into one form: white space folded, diacritics removed, hyphens and apostrophes of any
/// kind made plain, titles dropped, and capitalised as a person would write them.
/// </summary>
public static class NameStandardiser
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "master", "prof", "rev", "sir", "dame", "lady", "lord",
    };

    /// <summary>The display form: "  o’BRIEN - smith " becomes "O'Brien-Smith". Empty input gives null.</summary>
    public static string? Standardise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (TryStandardiseSimpleWord(raw) is { } simple) return simple.Length == 0 ? null : simple;
        var folded = RemoveDiacritics(raw.Trim());
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ when char.IsLetter(c) || c is '\'' or '-' => c,
                _ => ' ',
            });
        }

        var words = builder.ToString()
            .Replace(" -", "-", StringComparison.Ordinal)
            .Replace("- ", "-", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '\''))
            .Where(w => w.Length > 0)
            .ToList();
        while (words.Count > 1 && Titles.Contains(words[0].TrimEnd('.'))) words.RemoveAt(0);
        if (words.Count == 1 && Titles.Contains(words[0])) return null;
        var result = string.Join(' ', words.Select(Capitalise));
        return result.Length == 0 ? null : result;
    }

    /// <summary>
    /// The comparison form: upper-case letters only, hyphens and spaces kept as single spaces so that
    /// parts of a double-barrelled name can be compared.
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
            else if ((c is ' ' or '-') && !lastSpace)
            {
                builder.Append(' ');
                lastSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Splits "SMITH, John Paul" (family name first) or "John Paul Smith" into first, middle and family names.</summary>
    public static (string? First, string? Middle, string? Family) SplitFullName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, null, null);
        var comma = raw.IndexOf(',', StringComparison.Ordinal);
        string? family;
        string[] given;
        if (comma >= 0)
        {
            family = Standardise(raw[..comma]);
            given = (Standardise(raw[(comma + 1)..]) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        else
        {
            var parts = (Standardise(raw) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return (null, null, null);
            family = parts.Length > 1 ? parts[^1] : null;
            given = parts.Length > 1 ? parts[..^1] : parts;
        }

        var first = given.Length > 0 ? given[0] : null;
        var middle = given.Length > 1 ? string.Join(' ', given[1..]) : null;
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

    // Most names are one plain ASCII word ("SMITH", "jessica", " Davis "), or such words joined by
    // hyphens or apostrophes ("Uddin-Ali", "o'brien"): the general path below (folding, splitting,
    // joining) gives the same answer, so it is skipped for them — this is most of ingest's name
    // standardisation. Null means "not simple: take the general path"; empty means the word is a
    // title alone (no name).
    private static string? TryStandardiseSimpleWord(string raw)
    {
        var word = raw.AsSpan().Trim();
        if (word.Length is 0 or > 128) return null;
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c) && c is not ('-' or '\'')) return null;
        }

        // A hyphen or apostrophe at either end is trimmed by the general path: left to it.
        if (!char.IsAsciiLetter(word[0]) || !char.IsAsciiLetter(word[^1])) return null;

        // As Capitalise: lower case, each part's first letter upper case, and "Mcdonald" → "McDonald".
        Span<char> form = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            form[i] = i == 0 || word[i - 1] is '-' or '\'' ? char.ToUpperInvariant(word[i]) : char.ToLowerInvariant(word[i]);
        }

        if (word.Length > 3 && (word[0] | 0x20) == 'm' && (word[1] | 0x20) == 'c') form[2] = char.ToUpperInvariant(form[2]);
        // A title alone: the form of a title word is the title capitalised (no title has a hyphen or starts with "Mc").
        if (IsCapitalisedTitle(form)) return string.Empty;
        if (!form.SequenceEqual(word)) return new string(form);
        return word.Length == raw.Length ? raw : word.ToString();
    }

    // The titles of Titles as TryStandardiseSimpleWord forms them; a word matches one (ignoring case)
    // exactly when its form is that title capitalised. Held to Titles by a test.
    internal static bool IsCapitalisedTitle(ReadOnlySpan<char> form) =>
        form is "Mr" or "Mrs" or "Ms" or "Miss" or "Mx" or "Dr" or "Master" or "Prof" or "Rev" or "Sir" or "Dame" or "Lady" or "Lord";

    /// <summary>The titles dropped from names (for tests that hold the fast path to them).</summary>
    internal static IReadOnlyCollection<string> TitleWords => Titles;

    private static string Capitalise(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        var startOfPart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (startOfPart && char.IsLetter(chars[i])) chars[i] = char.ToUpperInvariant(chars[i]);
            startOfPart = chars[i] is '-' or '\'';
        }

        var result = new string(chars);
        // "Mcdonald" → "McDonald"; "Macdonald" is left alone because "Mack" and "Macey" are names too.
        if (result.Length > 3 && result.StartsWith("Mc", StringComparison.Ordinal))
        {
            result = string.Concat("Mc", char.ToUpperInvariant(result[2]).ToString(), result.AsSpan(3));
        }

        return result;
    }
}
