using SingleView.Core.Model;

namespace SingleView.Core.Standardisation;

/// <summary>The codes feeds use for gender: words, initials, and the NHS data dictionary's 0/1/2/9.</summary>
public static class GenderCodes
{
    public static Gender Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Gender.Unknown;
        return raw.Trim().ToUpperInvariant() switch
        {
            "F" or "FEMALE" or "2" or "GIRL" or "W" or "WOMAN" => Gender.Female,
            "M" or "MALE" or "1" or "BOY" or "MAN" => Gender.Male,
            "U" or "UNKNOWN" or "0" or "9" or "NOT KNOWN" or "NOT STATED" or "" => Gender.Unknown,
            _ => Gender.Other,
        };
    }
}
