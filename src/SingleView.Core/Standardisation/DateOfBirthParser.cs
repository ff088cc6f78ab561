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

    public static DateReading Parse(string? raw, IReadOnlyList<string> formats)
    {
        if (string.IsNullOrWhiteSpace(raw)) return DateReading.Empty;
        var text = raw.Trim();
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return new DateReading(DateOnly.FromDateTime(parsed), null);
            }
        }

        return new DateReading(null, $"'{text}' is not a date in the declared format(s) {string.Join(" or ", formats)}");
    }

    public static DateReading ParseDateOfBirth(string? raw, IReadOnlyList<string> formats, DateOnly extractDate)
    {
        var reading = Parse(raw, formats);
        if (reading.Value is not { } date) return reading;
        if (date > extractDate) return new DateReading(null, $"date of birth {date:yyyy-MM-dd} is after the extract date {extractDate:yyyy-MM-dd}");
        if (date < extractDate.AddYears(-OldestPlausibleAge)) return new DateReading(null, $"date of birth {date:yyyy-MM-dd} is more than {OldestPlausibleAge} years before the extract");
        return reading;
    }
}
