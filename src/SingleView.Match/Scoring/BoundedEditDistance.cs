namespace SingleView.Match.Scoring;

/// <summary>
/// Optimal string alignment distance (Levenshtein plus adjacent transpositions) with an early exit once
/// it must exceed the bound, and no allocation for names: it runs on millions of pairs.
/// </summary>
internal static class BoundedEditDistance
{
    public static bool Within(string a, string b, int maximum)
    {
        if (Math.Abs(a.Length - b.Length) > maximum) return false;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= maximum;
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var previousPrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, previousPrevious[j - 2] + 1);
                current[j] = best;
                rowBest = Math.Min(rowBest, best);
            }

            if (rowBest > maximum) return false;
            var spare = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length] <= maximum;
    }
}
