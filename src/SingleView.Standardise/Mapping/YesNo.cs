namespace SingleView.Standardise.Mapping;

internal static class YesNo
{
    /// <summary>yes / y / true / 1 (any case) are true; anything else, including empty, is false.</summary>
    public static bool IsYes(string? value) => IsYes(value.AsSpan());

    /// <summary>As <see cref="IsYes(string?)"/>, on a cell's characters.</summary>
    public static bool IsYes(ReadOnlySpan<char> value)
    {
        var text = value.Trim();
        return text.Equals("YES", StringComparison.OrdinalIgnoreCase) || text.Equals("Y", StringComparison.OrdinalIgnoreCase)
            || text.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || text is "1";
    }
}
