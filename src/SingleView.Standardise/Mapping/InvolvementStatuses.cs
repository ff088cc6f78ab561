using SingleView.Core.Model;

namespace SingleView.Standardise.Mapping;

/// <summary>An involvement status in a source's words: current or historic.</summary>
internal static class InvolvementStatuses
{
    private static readonly HashSet<string> CurrentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "current", "open", "active", "on roll", "on_roll", "yes", "y", "live", "ongoing",
    };

    private static readonly HashSet<string> HistoricWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "historic", "historical", "closed", "ended", "left", "inactive", "off roll", "off_roll", "former",
    };

    // Kept: getting a lookup checks the comparer's type, a cost on every row.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CurrentLookup = CurrentWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HistoricLookup = HistoricWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The status, or null when the value is not a word for either. An empty value is current unless
    /// the involvement ended before the extract date.
    /// </summary>
    public static InvolvementStatus? Parse(string? value, DateOnly? endDate, DateOnly extractDate) => Parse(value.AsSpan(), endDate, extractDate);

    /// <summary>As <see cref="Parse(string?, DateOnly?, DateOnly)"/>, on a cell's characters.</summary>
    public static InvolvementStatus? Parse(ReadOnlySpan<char> value, DateOnly? endDate, DateOnly extractDate)
    {
        if (value.IsWhiteSpace()) return endDate is { } end && end < extractDate ? InvolvementStatus.Historic : InvolvementStatus.Current;
        var text = value.Trim();
        // The model's own words, as a feed's values map gives them, before the case-blind lookups.
        if (text.SequenceEqual("current")) return InvolvementStatus.Current;
        if (text.SequenceEqual("historic")) return InvolvementStatus.Historic;
        if (CurrentLookup.Contains(text)) return InvolvementStatus.Current;
        if (HistoricLookup.Contains(text)) return InvolvementStatus.Historic;
        if (text.Equals("none_found", StringComparison.OrdinalIgnoreCase) || text.Equals("none found", StringComparison.OrdinalIgnoreCase)) return InvolvementStatus.NoneFound;
        return null;
    }
}
