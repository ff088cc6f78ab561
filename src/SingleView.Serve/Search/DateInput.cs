using System.Globalization;

namespace SingleView.Serve.Search;

/// <summary>A date as a practitioner types it: dd/mm/yyyy (also d/m/yyyy, with dashes or dots) or yyyy-mm-dd.</summary>
internal static class DateInput
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>The date with day and month swapped, when that is a different valid date (3/4 ↔ 4/3).</summary>
    public static DateOnly? Swapped(DateOnly date) =>
        date.Day != date.Month && date.Day <= 12 ? new DateOnly(date.Year, date.Day, date.Month) : null;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? FromIso(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
