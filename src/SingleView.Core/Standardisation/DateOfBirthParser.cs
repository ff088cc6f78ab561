using System.Globalization;

namespace SingleView.Core.Standardisation;

/// <summary>The outcome of reading one date cell.</summary>
public readonly record struct DateReading(DateOnly? Value, string? Problem)
{
    public static DateReading Empty => new(null, null);
    public bool IsProblem => Problem is not null;
}

/// <summary>
/// Reads dates only in a feed's declared formats; never guesses. A date of birth in the future or
/// more than 120 years before the extract is impossible and reported as a problem.
/// </summary>
public static class DateOfBirthParser
{
    public const int OldestPlausibleAge = 120;

    public static DateReading Parse(string? raw, IReadOnlyList<string> formats) => Parse(raw.AsSpan(), formats);

    /// <summary>As <see cref="Parse(string?, IReadOnlyList{string})"/>, on a cell's characters: ingest reads dates without making a string of each cell.</summary>
    public static DateReading Parse(ReadOnlySpan<char> raw, IReadOnlyList<string> formats)
    {
        if (raw.IsWhiteSpace()) return DateReading.Empty;
        var text = raw.Trim();
        for (var i = 0; i < formats.Count; i++)
        {
            var format = formats[i];
            if (TryParseDigits(text, format, out var quick)) return new DateReading(quick, null);
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return new DateReading(DateOnly.FromDateTime(parsed), null);
            }
        }

        return new DateReading(null, $"'{text}' is not a date in the declared format(s) {string.Join(" or ", formats)}");
    }

    // The usual formats (dd/MM/yyyy, yyyy-MM-dd, dd.MM.yyyy...) read digit by digit: DateTime's parser
    // was a measurable share of ingest with three dates a row. Anything else, or any doubt, goes to
    // TryParseExact, which gives the same answer for what this accepts.
    private static bool TryParseDigits(ReadOnlySpan<char> text, string format, out DateOnly date)
    {
        date = default;
        if (format.Length != 10 || text.Length != 10) return false;
        // The two usual formats by fixed positions; the same answer as the general reading below.
        if (format == "dd/MM/yyyy") return TryParseFixed(text, '/', 0, 3, 6, out date);
        if (format == "yyyy-MM-dd") return TryParseFixed(text, '-', 8, 5, 0, out date);
        int day = 0, month = 0, year = 0, days = 0, months = 0, years = 0;
        for (var i = 0; i < 10; i++)
        {
            var f = format[i];
            var c = text[i];
            switch (f)
            {
                case 'd' or 'M' or 'y':
                    if (!char.IsAsciiDigit(c)) return false;
                    // Each letter's places must be one run ("dd", not "d-d"): a later place follows one of the same letter.
                    if (f != (i > 0 ? format[i - 1] : '\0') && (f == 'd' ? days : f == 'M' ? months : years) > 0) return false;
                    var digit = c - '0';
                    if (f == 'd') { day = (day * 10) + digit; days++; }
                    else if (f == 'M') { month = (month * 10) + digit; months++; }
                    else { year = (year * 10) + digit; years++; }
                    break;
                case '/' or '-' or '.':
                    if (c != f) return false;
                    break;
                default:
                    return false;
            }
        }

        if (days != 2 || months != 2 || years != 4) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // Ten characters: two-digit day and month and four-digit year at the given places, the separator in
    // the two places left between them.
    private static bool TryParseFixed(ReadOnlySpan<char> text, char separator, int dayAt, int monthAt, int yearAt, out DateOnly date)
    {
        date = default;
        var firstSeparator = dayAt == 0 ? 2 : 4;
        var secondSeparator = monthAt + 2;
        if (text[firstSeparator] != separator || text[secondSeparator] != separator) return false;
        if (!TwoDigits(text, dayAt, out var day) || !TwoDigits(text, monthAt, out var month)
            || !TwoDigits(text, yearAt, out var century) || !TwoDigits(text, yearAt + 2, out var yearOfCentury))
        {
            return false;
        }

        var year = (century * 100) + yearOfCentury;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;

        static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
        {
            var tens = text[at] - '0';
            var units = text[at + 1] - '0';
            value = (tens * 10) + units;
            return (uint)tens <= 9 && (uint)units <= 9;
        }
    }

    public static DateReading ParseDateOfBirth(string? raw, IReadOnlyList<string> formats, DateOnly extractDate) =>
        ParseDateOfBirth(raw.AsSpan(), formats, extractDate);

    /// <summary>As <see cref="ParseDateOfBirth(string?, IReadOnlyList{string}, DateOnly)"/>, on a cell's characters.</summary>
    public static DateReading ParseDateOfBirth(ReadOnlySpan<char> raw, IReadOnlyList<string> formats, DateOnly extractDate)
    {
        var reading = Parse(raw, formats);
        if (reading.Value is not { } date) return reading;
        if (date > extractDate) return new DateReading(null, $"date of birth {date:yyyy-MM-dd} is after the extract date {extractDate:yyyy-MM-dd}");
        if (date < extractDate.AddYears(-OldestPlausibleAge)) return new DateReading(null, $"date of birth {date:yyyy-MM-dd} is more than {OldestPlausibleAge} years before the extract");
        return reading;
    }
}
