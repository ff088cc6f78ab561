namespace SingleView.Core.Text;

/// <summary>American Soundex: a letter and three digits, so that Smith and Smyth share a code.</summary>
public static class Soundex
{
    public static string Encode(string? name)
    {
        if (string.IsNullOrEmpty(name)) return string.Empty;
        Span<char> code = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var raw in name)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is < 'A' or > 'Z') continue;
            var digit = DigitOf(c);
            if (length == 0)
            {
                code[length++] = c;
                previous = digit;
                continue;
            }

            // H and W do not separate letters with the same code; vowels do.
            if (c is 'H' or 'W') continue;
            if (digit != '0' && digit != previous) code[length++] = digit;
            previous = digit;
            if (length == 4) break;
        }

        if (length == 0) return string.Empty;
        while (length < 4) code[length++] = '0';
        return new string(code);
    }

    private static char DigitOf(char c) => c switch
    {
        'B' or 'F' or 'P' or 'V' => '1',
        'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
        'D' or 'T' => '3',
        'L' => '4',
        'M' or 'N' => '5',
        'R' => '6',
        _ => '0',
    };
}
