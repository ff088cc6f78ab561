namespace SingleView.Standardise.Mapping;

internal static class YesNo
{
    /// <summary>yes / y / true / 1 (any case) are true; anything else, including empty, is false.</summary>
    public static bool IsYes(string? value) =>
        value?.Trim().ToUpperInvariant() is "YES" or "Y" or "TRUE" or "1";
}
