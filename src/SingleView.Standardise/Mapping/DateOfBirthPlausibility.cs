using SingleView.Ingest.Definitions;

namespace SingleView.Standardise.Mapping;

/// <summary>
/// Whether a date of birth that was read is one a feed's people can have: not after the extract, and
/// within the feed's window before it (<c>format.date_of_birth_window</c>, 120 years unless it says otherwise).
/// </summary>
internal static class DateOfBirthPlausibility
{
    /// <summary>Why the date cannot be a date of birth in this feed, or null when it can.</summary>
    public static string? Problem(DateOnly dateOfBirth, DateOnly extractDate, DateOfBirthWindow window)
    {
        if (dateOfBirth > extractDate) return $"date of birth {dateOfBirth:yyyy-MM-dd} is after the extract date {extractDate:yyyy-MM-dd}";
        // DateOnly reaches back to year 1: a window wider than the extract's year is open at that end.
        if (extractDate.Year > window.MaxAgeYears && dateOfBirth < extractDate.AddYears(-window.MaxAgeYears))
        {
            return $"date of birth {dateOfBirth:yyyy-MM-dd} is more than {window.MaxAgeYears} years before the extract (format.date_of_birth_window.max_age_years)";
        }

        return null;
    }
}
