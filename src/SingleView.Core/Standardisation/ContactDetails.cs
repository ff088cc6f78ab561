using System.Buffers;

namespace SingleView.Core.Standardisation;

/// <summary>Phone numbers and e-mail addresses as the data quality checklists count them.</summary>
public static class ContactDetails
{
    // The checklist's shape, ^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$, checked by
    // hand: the generated regex cost more than the rest of an address's standardisation. The two are held
    // equal, case by case, in ContactDetailsTests.
    private static readonly SearchValues<char> LocalPart = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+'-");
    private static readonly SearchValues<char> DomainLabel = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    // ASCII characters that lower-casing leaves as they are: everything below 0x80 but 'A' to 'Z'.
    private static readonly SearchValues<char> LowerCaseAscii = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => c is < 'A' or > 'Z')));

    /// <summary>Digits only, with +44 turned into the national leading 0.</summary>
    public static string? NormalisePhone(string? raw) => raw is null ? null : NormalisePhone(raw.AsSpan(), raw);

    /// <summary>As <see cref="NormalisePhone(string?)"/>, on a cell's characters (the digits are the only string made).</summary>
    public static string? NormalisePhone(ReadOnlySpan<char> raw) => NormalisePhone(raw, null);

    // The string, where there is one, is returned as it is when it is all digits already.
    private static string? NormalisePhone(ReadOnlySpan<char> raw, string? rawString)
    {
        if (raw.IsWhiteSpace()) return null;
        var digits = rawString is null ? Characters.KeepAsciiDigits(raw) : Characters.KeepAsciiDigits(rawString);
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

    public static bool IsValidEmail(string? email)
    {
        if (email is null) return false;
        var text = email.AsSpan();
        // As the pattern's $, a single line break at the very end is allowed.
        if (text.EndsWith('\n')) text = text[..^1];
        var at = text.IndexOf('@');
        if (at <= 0 || text[..at].ContainsAnyExcept(LocalPart)) return false;

        // The domain: two or more non-empty labels of letters, digits and hyphens, the last of two or more letters.
        var domain = text[(at + 1)..];
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0) return false;
        var topLevel = domain[(lastDot + 1)..];
        if (topLevel.Length < 2 || topLevel.ContainsAnyExcept(AsciiLetters)) return false;
        foreach (var label in domain[..lastDot].Split('.'))
        {
            var part = domain[..lastDot][label];
            if (part.IsEmpty || part.ContainsAnyExcept(DomainLabel)) return false;
        }

        return true;
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}
