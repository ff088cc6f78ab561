using SingleView.Core.Model;

namespace SingleView.Standardise.Mapping;

/// <summary>A household role in a source's words, reduced to the roles families are built from.</summary>
internal static class HouseholdRoles
{
    private static readonly HashSet<string> ChildWords = new(StringComparer.Ordinal) { "son", "daughter", "child", "children" };
    private static readonly HashSet<string> ParentWords = new(StringComparer.Ordinal)
    {
        "mother", "father", "mum", "mom", "mam", "dad", "parent", "parents", "carer", "guardian",
    };

    private static readonly HashSet<string> PartnerWords = new(StringComparer.Ordinal) { "partner", "spouse", "husband", "wife" };

    /// <summary>
    /// Reads a value after values.household_role has been applied: the model's own names first
    /// (parent_or_carer, child, partner, other_member), then common words. A word is read whole, so
    /// "person" is not a "son"; "step" is a prefix ("stepmother", "step-son") that keeps the role.
    /// Grandparents and grandchildren are other members unless a feed maps them otherwise.
    /// </summary>
    public static HouseholdRole Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return HouseholdRole.Unknown;
        var text = value.Trim().ToLowerInvariant();
        switch (text.Replace(' ', '_').Replace('-', '_'))
        {
            case "parent_or_carer": return HouseholdRole.ParentOrCarer;
            case "child": return HouseholdRole.Child;
            case "partner": return HouseholdRole.Partner;
            case "other_member": return HouseholdRole.OtherMember;
            case "unknown": return HouseholdRole.Unknown;
        }

        var words = text.Split(static c => !char.IsAsciiLetterLower(c))
            .Where(w => w.Length > 0 && w != "step")
            .Select(w => w.StartsWith("step", StringComparison.Ordinal) ? w[4..] : w)
            .ToList();
        // A child first: a "foster child" is a child, a "foster carer" a carer.
        if (words.Any(ChildWords.Contains)) return HouseholdRole.Child;
        if (words.Any(ParentWords.Contains)) return HouseholdRole.ParentOrCarer;
        if (words.Any(PartnerWords.Contains)) return HouseholdRole.Partner;
        return HouseholdRole.OtherMember;
    }

    private static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !isSeparator(text[i])) continue;
            if (i > start) parts.Add(text[start..i]);
            start = i + 1;
        }

        return [.. parts];
    }
}
