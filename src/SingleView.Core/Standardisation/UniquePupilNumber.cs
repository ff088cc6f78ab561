namespace SingleView.Core.Standardisation;

/// <summary>
/// The Unique Pupil Number: a check letter followed by twelve characters (eleven digits and a digit
/// or, for a temporary UPN, a letter). The check letter is the DfE's modulus-23 over weights 2–13.
/// </summary>
public static class UniquePupilNumber
{
    private const string CheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var compact = Characters.Keep(raw, char.IsAsciiLetterOrDigit).ToUpperInvariant();
        return compact.Length == 0 ? null : compact;
    }

    public static bool IsValid(string? upn)
    {
        if (upn is not { Length: 13 }) return false;
        for (var i = 1; i < 12; i++)
        {
            if (!char.IsAsciiDigit(upn[i])) return false;
        }

        if (!char.IsAsciiDigit(upn[12]) && !CheckLetters.Contains(upn[12], StringComparison.Ordinal)) return false;
        return CheckLetter(upn.AsSpan(1)) == upn[0];
    }

    /// <summary>The check letter for the twelve characters after it.</summary>
    public static char CheckLetter(ReadOnlySpan<char> twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : CheckLetters.IndexOf(c, StringComparison.Ordinal);
            sum += value * (i + 2);
        }

        return CheckLetters[sum % 23];
    }
}
