using System.Text.RegularExpressions;

namespace SingleView.Core.Standardisation;

/// <summary>UK postcodes: normalised to "AA9A 9AA" form, validated, and cut into sector and district.</summary>
public static partial class Postcode
{
    [GeneratedRegex(@"^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex ValidCompact();

    /// <summary>Upper case, no inner white space, a single space before the inward code.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        // One pass over a stack buffer (a postcode cell is short); a long cell takes the plain route.
        if (raw.Length > 64) return NormaliseLong(raw);
        Span<char> compact = stackalloc char[64];
        var length = 0;
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c)) compact[length++] = char.ToUpperInvariant(c);
        }

        if (length < 5) return new string(compact[..length]);
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

    private static string NormaliseLong(string raw)
    {
        var compact = string.Concat(raw.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length < 5) return compact;
        return string.Concat(compact.AsSpan(0, compact.Length - 3), " ", compact.AsSpan(compact.Length - 3));
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
