namespace SingleView.Core.Configuration;

/// <summary>Small checks used by every settings class when it validates itself on load.</summary>
public static class Require
{
    public static string Text(string? value, string file, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException(file, field, "is required") : value.Trim();

    public static TEnum Enum<TEnum>(string? value, string file, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ConfigurationException(file, field, "is required");
        var compact = value.Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal);
        if (System.Enum.TryParse<TEnum>(compact, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        throw new ConfigurationException(file, field, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    public static double Between(double value, double min, double max, string file, string field) =>
        value < min || value > max ? throw new ConfigurationException(file, field, $"{value} is outside {min} to {max}") : value;
}
