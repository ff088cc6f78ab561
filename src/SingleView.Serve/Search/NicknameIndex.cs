using SingleView.Core.Standardisation;

namespace SingleView.Serve.Search;

/// <summary>
/// First names that are the same name (Bill, William, Will), from config/nicknames.csv — the file the
/// matcher uses — so that a search for "Bill" finds William.
/// </summary>
internal sealed class NicknameIndex
{
    public const string FileName = "nicknames.csv";

    private readonly Dictionary<string, HashSet<string>> aliases = new(StringComparer.Ordinal);

    public static NicknameIndex Empty { get; } = new([]);

    private NicknameIndex(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            var keys = group.Select(NameStandardiser.MatchKey).Where(k => k.Length > 0).ToList();
            foreach (var key in keys)
            {
                if (!aliases.TryGetValue(key, out var set)) aliases[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(keys.Where(k => k != key));
            }
        }
    }

    /// <summary>A missing file is no nicknames, not an error: the table is an aid to searching.</summary>
    public static NicknameIndex Load(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : Empty;
    }

    /// <summary>One group per non-comment line, names separated by commas (the format of nicknames.csv).</summary>
    public static NicknameIndex Parse(string text) =>
        new(text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (IReadOnlyList<string>)l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The other names of the same group(s) as this match key; empty when it has none.</summary>
    public IReadOnlyCollection<string> AliasesOf(string key) => aliases.TryGetValue(key, out var set) ? set : [];

    public bool AreAliases(string first, string second) => aliases.TryGetValue(first, out var set) && set.Contains(second);
}
