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

    /// <summary>
    /// A stored ISO date, or null. A person view reads dozens; the usual "dddd-dd-dd" that is a real date is read by hand
    /// (the format parser was about 1% of a view's CPU), anything else goes to the parser, so the answers are its answers.
    /// </summary>
    public static DateOnly? FromIso(string? text)
    {
        if (text is null) return null;
        if (TryReadIsoDigits(text, out var year, out var month, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static bool TryReadIsoDigits(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        return TryDigits(text, 0, 4, out year) && TryDigits(text, 5, 2, out month) && TryDigits(text, 8, 2, out day);
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = (value * 10) + digit;
        }

        return true;
    }
}
