using SingleView.Core.Standardisation;

namespace SingleView.Match.Model;

/// <summary>First names that are the same name (Frederick, Fred, Freddie), loaded from config/nicknames.csv.</summary>
public sealed class NicknameTable
{
    private readonly Dictionary<string, HashSet<int>> groupsByName = new(StringComparer.Ordinal);

    public static NicknameTable Empty { get; } = new([]);

    public NicknameTable(IEnumerable<IEnumerable<string>> groups)
    {
        var index = 0;
        foreach (var group in groups)
        {
            foreach (var name in group)
            {
                var key = NameStandardiser.MatchKey(name);
                if (key.Length == 0) continue;
                if (!groupsByName.TryGetValue(key, out var set)) groupsByName[key] = set = [];
                set.Add(index);
            }

            index++;
        }
    }

    public int Count => groupsByName.Count;

    /// <summary>One group per non-comment line, names separated by commas.</summary>
    public static NicknameTable Parse(string text) =>
        new(text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The groups a match key belongs to, or null when it is in none.</summary>
    internal HashSet<int>? GroupsOf(string key) => groupsByName.GetValueOrDefault(key);

    /// <summary>True when the two match keys share a group.</summary>
    public bool AreAliases(string firstKey, string secondKey) =>
        groupsByName.TryGetValue(firstKey, out var a) && groupsByName.TryGetValue(secondKey, out var b) && a.Overlaps(b);
}
