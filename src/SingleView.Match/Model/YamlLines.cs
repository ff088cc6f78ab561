namespace SingleView.Match.Model;

/// <summary>
/// Finds the line a validated value was written on, so an error can name it: the deserialiser gives
/// lines only for YAML it cannot read, not for values that read fine but are wrong.
/// </summary>
internal static class YamlLines
{
    /// <summary>The 1-based line of the last of <paramref name="tokens"/>, each searched for after the one before; 0 when not found.</summary>
    public static int Find(string text, params string[] tokens)
    {
        var lines = text.Split('\n');
        var line = 0;
        foreach (var token in tokens)
        {
            var found = -1;
            for (var i = line; i < lines.Length; i++)
            {
                if (lines[i].Contains(token, StringComparison.Ordinal))
                {
                    found = i;
                    break;
                }
            }

            if (found < 0) return line;
            line = found;
        }

        return line + 1;
    }

    public static string At(int line) => line > 0 ? $" (line {line})" : string.Empty;
}
