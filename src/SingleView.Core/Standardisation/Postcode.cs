using System.Text.RegularExpressions;

namespace SingleView.Core.Standardisation;

/// <summary>UK postcodes: valid ones normalised to "AA9A 9AA" form, validated, and cut into sector and district.</summary>
public static partial class Postcode
{
    [GeneratedRegex(@"^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex ValidCompact();

    /// <summary>
    /// A valid UK postcode in its standard form: upper case, no inner white space, a single space before
    /// the inward code ("m11ae" is "M1 1AE"). Anything else is kept exactly as given, trimmed ("NOT A CODE",
    /// an Australian "2119"): reformatting text that is not a postcode would show a value no one wrote.
    /// </summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // One pass over a stack buffer (a postcode cell is short); a long cell is no postcode.
        var given = raw.AsSpan().Trim();
        if (given.Length > 64) return given.ToString();
        Span<char> compact = stackalloc char[64];
        var length = 0;
        foreach (var c in given)
        {
            if (!char.IsWhiteSpace(c)) compact[length++] = char.ToUpperInvariant(c);
        }

        if (!ValidCompact().IsMatch(compact[..length])) return given.Length == raw.Length ? raw : given.ToString();
        // The space goes in as the result is assembled in a second buffer: moving the inward code along
        // within one buffer is an overlapping copy, which .NET hands to the C library's memmove through
        // a P/Invoke, a cost on every row.
        Span<char> result = stackalloc char[65];
        var outward = length - 3;
        compact[..outward].CopyTo(result);
        result[outward] = ' ';
        compact[outward..length].CopyTo(result[(outward + 1)..]);
        result = result[..(length + 1)];
        return result.SequenceEqual(raw) ? raw : new string(result);
    }

    public static bool IsValid(string? normalised)
    {
        if (normalised is null) return false;
        if (normalised.Length > 64) return ValidCompact().IsMatch(normalised.Replace(" ", string.Empty, StringComparison.Ordinal));
        Span<char> compact = stackalloc char[64];
        var length = 0;
        foreach (var c in normalised)
        {
            if (c != ' ') compact[length++] = c;
        }

        return ValidCompact().IsMatch(compact[..length]);
    }

    /// <summary>The outward code: "M1 1AE" → "M1".</summary>
    public static string? District(string? normalised)
    {
        if (normalised is null) return null;
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? normalised[..space] : null;
    }

    /// <summary>The outward code and the first character of the inward code: "M1 1AE" → "M1 1".</summary>
    public static string? Sector(string? normalised)
    {
        if (normalised is null) return null;
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space + 1 < normalised.Length ? normalised[..(space + 2)] : null;
    }
}
