using System.Buffers;
using System.Text.RegularExpressions;

namespace SingleView.Core.Standardisation;

/// <summary>Phone numbers and e-mail addresses as the data quality checklists count them.</summary>
public static partial class ContactDetails
{
    [GeneratedRegex(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    // ASCII characters that lower-casing leaves as they are: everything below 0x80 but 'A' to 'Z'.
    private static readonly SearchValues<char> LowerCaseAscii = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => c is < 'A' or > 'Z')));

    /// <summary>Digits only, with +44 turned into the national leading 0.</summary>
    public static string? NormalisePhone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = Characters.KeepAsciiDigits(raw);
        if (raw.TrimStart().StartsWith('+') && digits.StartsWith("44", StringComparison.Ordinal))
        {
            // "+44 (0)161 ..." already carries the national 0 in brackets; do not add a second one.
            digits = digits[2..].StartsWith('0') ? digits[2..] : "0" + digits[2..];
        }
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>The checklist's rule: a UK phone number has 10 or 11 digits.</summary>
    public static bool IsValidPhone(string? digits) => digits is { Length: 10 or 11 } && !digits.AsSpan().ContainsAnyExceptInRange('0', '9');

    public static string? NormaliseEmail(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var trimmed = raw.Trim();
        // Nearly every address is already lower-case ASCII: only one with a capital or a non-ASCII letter is changed.
        return trimmed.AsSpan().ContainsAnyExcept(LowerCaseAscii) ? trimmed.ToLowerInvariant() : trimmed;
    }

    public static bool IsValidEmail(string? email) => email is not null && EmailPattern().IsMatch(email);
}
