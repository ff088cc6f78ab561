using System.Text;

namespace SingleView.Match.Scoring;

/// <summary>
/// A phonetic key in the spirit of (Double) Metaphone, kept small: it maps spellings that sound alike
/// in English to one key (Catherine/Kathryn → K0RN, Mohammed/Muhammad → MHMT, Stephen/Steven → STFN),
/// so that a name spelt by ear still meets its owner. Input is a name match key (upper-case letters).
/// </summary>
internal static class PhoneticCode
{
    public const int MaximumLength = 6;

    public static string Encode(string key)
    {
        if (key.Length == 0) return string.Empty;
        var word = key.Split(' ')[0];
        if (word.Length == 0) return string.Empty;
        var code = new StringBuilder(MaximumLength);
        var i = 0;
        if (word.Length > 1 && (word.StartsWith("KN", StringComparison.Ordinal) || word.StartsWith("GN", StringComparison.Ordinal)
            || word.StartsWith("PN", StringComparison.Ordinal) || word.StartsWith("WR", StringComparison.Ordinal)))
        {
            i = 1;
        }

        if (IsVowel(At(word, i)))
        {
            code.Append('A');
            i++;
        }

        for (; i < word.Length && code.Length < MaximumLength; i++)
        {
            var c = word[i];
            if (i > 0 && c == word[i - 1] && c != 'C') continue;
            var mapped = Map(word, i, out var skip);
            i += skip;
            foreach (var m in mapped)
            {
                if (code.Length > 0 && code[^1] == m) continue;
                if (code.Length < MaximumLength) code.Append(m);
            }
        }

        return code.ToString();
    }

    private static string Map(string w, int i, out int skip)
    {
        skip = 0;
        var c = w[i];
        var next = At(w, i + 1);
        var after = At(w, i + 2);
        switch (c)
        {
            case 'A' or 'E' or 'I' or 'O' or 'U':
                return string.Empty;
            case 'B':
                return i == w.Length - 1 && At(w, i - 1) == 'M' ? string.Empty : "P";
            case 'C':
                if (next == 'H') { skip = 1; return "X"; }
                if (next == 'I' && after == 'A') return "X";
                if (next is 'I' or 'E' or 'Y') return "S";
                if (next == 'K') { skip = 1; return "K"; }
                return "K";
            case 'D':
                if (next == 'G' && after is 'E' or 'I' or 'Y') { skip = 1; return "J"; }
                return "T";
            case 'G':
                if (next == 'H' && !IsVowel(after)) { skip = 1; return i == 0 ? "K" : string.Empty; }
                if (next == 'N') return string.Empty;
                if (next is 'I' or 'E' or 'Y') return "J";
                return "K";
            case 'H':
                return IsVowel(next) && !"CSPTG".Contains(At(w, i - 1), StringComparison.Ordinal) ? "H" : string.Empty;
            case 'K':
                return "K";
            case 'P':
                if (next == 'H') { skip = 1; return "F"; }
                return "P";
            case 'Q':
                return "K";
            case 'S':
                if (next == 'H') { skip = 1; return "X"; }
                if (next == 'I' && after is 'O' or 'A') return "X";
                if (next == 'C' && after == 'H') { skip = 2; return "SK"; }
                return "S";
            case 'T':
                if (next == 'I' && after is 'O' or 'A') return "X";
                if (next == 'H') { skip = 1; return "0"; }
                if (next == 'C' && after == 'H') return string.Empty;
                return "T";
            case 'V':
                return "F";
            case 'W' or 'Y':
                return IsVowel(next) ? c.ToString() : string.Empty;
            case 'X':
                return "KS";
            case 'Z':
                return "S";
            default:
                return c.ToString();
        }
    }

    private static char At(string w, int i) => i >= 0 && i < w.Length ? w[i] : '\0';

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
