namespace SingleView.Core.Standardisation;

/// <summary>Character filtering without LINQ: identifiers and phone numbers are cleaned for every row of every feed.</summary>
internal static class Characters
{
    /// <summary>The characters of <paramref name="text"/> that <paramref name="keep"/> accepts; the same instance when all are kept.</summary>
    public static string Keep(string text, Func<char, bool> keep)
    {
        var kept = 0;
        foreach (var c in text)
        {
            if (keep(c)) kept++;
        }

        if (kept == text.Length) return text;
        return string.Create(kept, (text, keep), static (chars, state) =>
        {
            var i = 0;
            foreach (var c in state.text)
            {
                if (state.keep(c)) chars[i++] = c;
            }
        });
    }

    /// <summary>
    /// The ASCII digits of <paramref name="text"/> (phone and NHS numbers, every row): the same as
    /// <see cref="Keep"/> with <see cref="char.IsAsciiDigit"/>, without a delegate call per character.
    /// </summary>
    public static string KeepAsciiDigits(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (first < 0) return text;
        Span<char> digits = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan(0, first).CopyTo(digits);
        var kept = first;
        foreach (var c in text.AsSpan(first))
        {
            if (char.IsAsciiDigit(c)) digits[kept++] = c;
        }

        return new string(digits[..kept]);
    }

    /// <summary>The ASCII digits of a cell's characters, as a new string.</summary>
    public static string KeepAsciiDigits(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyExceptInRange('0', '9');
        if (first < 0) return new string(text);
        Span<char> digits = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text[..first].CopyTo(digits);
        var kept = first;
        foreach (var c in text[first..])
        {
            if (char.IsAsciiDigit(c)) digits[kept++] = c;
        }

        return new string(digits[..kept]);
    }
}
