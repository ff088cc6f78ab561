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
}
