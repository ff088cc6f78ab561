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

    /// <summary>
    /// The status, or null when the value is not a word for either. An empty value is current unless
    /// the involvement ended before the extract date.
    /// </summary>
    public static InvolvementStatus? Parse(string? value, DateOnly? endDate, DateOnly extractDate)
    {
        if (string.IsNullOrWhiteSpace(value)) return endDate is { } end && end < extractDate ? InvolvementStatus.Historic : InvolvementStatus.Current;
        var text = value.Trim();
        if (CurrentWords.Contains(text)) return InvolvementStatus.Current;
        if (HistoricWords.Contains(text)) return InvolvementStatus.Historic;
        if (text.Equals("none_found", StringComparison.OrdinalIgnoreCase) || text.Equals("none found", StringComparison.OrdinalIgnoreCase)) return InvolvementStatus.NoneFound;
        return null;
    }
}
