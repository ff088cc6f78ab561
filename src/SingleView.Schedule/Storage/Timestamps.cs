using System.Globalization;

namespace SingleView.Schedule.Storage;

/// <summary>
/// Instants as ISO-8601 UTC text with a fixed width, so that comparing the text compares the time on
/// SQLite and PostgreSQL alike (the serving schema keeps times as TEXT).
/// </summary>
internal static class Timestamps
{
    public static string Text(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOptional(string? text) => text is null ? null : Parse(text);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
