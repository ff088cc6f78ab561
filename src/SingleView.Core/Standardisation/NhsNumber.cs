namespace SingleView.Core.Standardisation;

/// <summary>NHS numbers: ten digits, the last a modulus-11 check digit over the first nine.</summary>
public static class NhsNumber
{
    /// <summary>Digits only ("943 476 5919" → "9434765919"), or null when there are none.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = Characters.KeepAsciiDigits(raw);
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>As <see cref="Normalise(string?)"/>, on a cell's characters (the digits are the only string made).</summary>
    public static string? Normalise(ReadOnlySpan<char> raw)
    {
        if (raw.IsWhiteSpace()) return null;
        var digits = Characters.KeepAsciiDigits(raw);
        return digits.Length == 0 ? null : digits;
    }

    public static bool IsValid(string? digits)
    {
        if (digits is not { Length: 10 } || digits.AsSpan().ContainsAnyExceptInRange('0', '9')) return false;
        if (!digits.AsSpan().ContainsAnyExcept(digits[0])) return false; // 0000000000 and friends pass the sum but are placeholders
        var check = CheckDigit(digits.AsSpan(0, 9));
        return check is not null && check == digits[9] - '0';
    }

    /// <summary>The check digit for nine digits, or null where the remainder makes the number unusable.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nineDigits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }
}
