using SingleView.Core.Model;

namespace SingleView.Core.Standardisation;

/// <summary>The codes feeds use for gender: words, initials, and the NHS data dictionary's 0/1/2/9.</summary>
public static class GenderCodes
{
    public static Gender Parse(string? raw) => Parse(raw.AsSpan());

    /// <summary>As <see cref="Parse(string?)"/>, on a cell's characters.</summary>
    public static Gender Parse(ReadOnlySpan<char> raw)
    {
        if (raw.IsWhiteSpace()) return Gender.Unknown;
        // Short codes, upper-cased on the stack: a string per row for "Female" was measurable at a million rows.
        var text = raw.Trim();
        // The usual spellings before upper-casing: the same answers as the table below.
        if (text.SequenceEqual("Female")) return Gender.Female;
        if (text.SequenceEqual("Male")) return Gender.Male;
        if (text.Length > 16) return Gender.Other;
        Span<char> upper = stackalloc char[16];
        upper = upper[..text.ToUpperInvariant(upper)];
        return upper switch
        {
            "F" or "FEMALE" or "2" or "GIRL" or "W" or "WOMAN" => Gender.Female,
            "M" or "MALE" or "1" or "BOY" or "MAN" => Gender.Male,
            "U" or "UNKNOWN" or "0" or "9" or "NOT KNOWN" or "NOT STATED" or "" => Gender.Unknown,
            _ => Gender.Other,
        };
    }
}
