using System.Globalization;

namespace SingleView.Samples.Corruption.Independent;

/// <summary>One column of a system's extract: its header and how a record's values are written in it.</summary>
internal sealed record SystemColumn(string Header, Func<RecordValues, string?> Value);

/// <summary>
/// A partner system of a flavour: which people it holds, how often it holds someone twice, how it
/// writes names and dates, how often its identifier column is filled, which fields its clerks leave blank.
/// </summary>
internal sealed record SourceSystem
{
    public required string Feed { get; init; }
    public required string RecordIdHeader { get; init; }
    public required string RecordIdPrefix { get; init; }
    /// <summary>The share of the true people this system holds.</summary>
    public required double Coverage { get; init; }
    /// <summary>The chance a person it holds is held twice (a duplicate within the system).</summary>
    public double Duplicates { get; init; }
    /// <summary>The share of its records whose identifier column is filled (0: it has none).</summary>
    public double IdentifierFilled { get; init; }
    public required IReadOnlyList<SystemColumn> Columns { get; init; }
    public required IReadOnlyList<string> Blankable { get; init; }

    private static string? Date(DateOnly? date, string format) => date?.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The systems of a flavour, two or three, each with its own layout.</summary>
    public static IReadOnlyList<SourceSystem> For(IndependentFlavour flavour, HabitRates rates, Func<RecordValues, string?> fullName) => flavour switch
    {
        IndependentFlavour.Uk =>
        [
            new SourceSystem
            {
                Feed = "surgery", RecordIdHeader = "PatientId", RecordIdPrefix = "GP", Coverage = 0.85, Duplicates = 0.03,
                IdentifierFilled = Math.Min(1, rates.IdentifierFilled * 1.6),
                Columns =
                [
                    new("Forename", v => v.FirstName), new("Surname", v => v.FamilyName), new("DOB", v => Date(v.DateOfBirth, "dd/MM/yyyy")),
                    new("NHSNumber", v => v.NhsNumber), new("AddressLine1", v => v.Street), new("Town", v => v.Town),
                    new("Postcode", v => v.Postcode), new("Email", v => v.Email),
                ],
                Blankable = ["date_of_birth", "street", "postcode", "email", "first_name"],
            },
            new SourceSystem
            {
                // The system with one full-name column.
                Feed = "council", RecordIdHeader = "CustomerRef", RecordIdPrefix = "C-", Coverage = 0.6, Duplicates = 0.08,
                IdentifierFilled = rates.IdentifierFilled * 0.5,
                Columns =
                [
                    new("FullName", fullName), new("DateOfBirth", v => Date(v.DateOfBirth, "yyyy-MM-dd")), new("NHS No", v => v.NhsNumber),
                    new("Address", v => v.Street), new("Postcode", v => v.Postcode),
                ],
                Blankable = ["date_of_birth", "street", "postcode"],
            },
            new SourceSystem
            {
                Feed = "constabulary", RecordIdHeader = "PersonRef", RecordIdPrefix = "P/", Coverage = 0.4, Duplicates = 0.1,
                IdentifierFilled = rates.IdentifierFilled * 0.4,
                Columns =
                [
                    new("First Name", v => v.FirstName), new("Last Name", v => v.FamilyName), new("Birth Date", v => Date(v.DateOfBirth, "d/M/yyyy")),
                    new("NHS", v => v.NhsNumber), new("Street", v => v.Street), new("Town", v => v.Town), new("Postcode", v => v.Postcode),
                ],
                Blankable = ["date_of_birth", "street", "town", "postcode", "family_name"],
            },
        ],
        IndependentFlavour.Historical =>
        [
            new SourceSystem
            {
                Feed = "parish", RecordIdHeader = "Entry", RecordIdPrefix = "PR", Coverage = 0.8, Duplicates = 0.05,
                Columns =
                [
                    new("Given", v => v.FirstName), new("Surname", v => v.FamilyName), new("Born", v => Date(v.DateOfBirth, "d MMM yyyy")),
                    new("Abode", v => v.Street), new("Parish", v => v.Town),
                ],
                Blankable = ["date_of_birth", "street", "town"],
            },
            new SourceSystem
            {
                Feed = "census", RecordIdHeader = "Ref", RecordIdPrefix = "CEN", Coverage = 0.7, Duplicates = 0.03,
                Columns =
                [
                    new("Christian Name", v => v.FirstName), new("Middle", v => v.MiddleName), new("Surname", v => v.FamilyName),
                    new("Birth", v => Date(v.DateOfBirth, "yyyy-MM-dd")), new("Residence", v => v.Street), new("Place", v => v.Town),
                ],
                Blankable = ["date_of_birth", "street", "town", "first_name"],
            },
        ],
        _ =>
        [
            new SourceSystem
            {
                Feed = "members", RecordIdHeader = "Id", RecordIdPrefix = "M", Coverage = 0.8, Duplicates = 0.04,
                Columns =
                [
                    new("First", v => v.FirstName), new("Last", v => v.FamilyName), new("Dob", v => Date(v.DateOfBirth, "dd/MM/yyyy")),
                    new("Town", v => v.Town), new("Email", v => v.Email),
                ],
                Blankable = ["date_of_birth", "town", "email"],
            },
            new SourceSystem
            {
                Feed = "bookings", RecordIdHeader = "BookingPersonId", RecordIdPrefix = "B", Coverage = 0.7, Duplicates = 0.04,
                Columns =
                [
                    new("Given Name", v => v.FirstName), new("Family Name", v => v.FamilyName), new("Birth", v => Date(v.DateOfBirth, "yyyy-MM-dd")),
                    new("Town", v => v.Town), new("E-mail", v => v.Email),
                ],
                Blankable = ["date_of_birth", "town", "email", "first_name"],
            },
        ],
    };
}
