using SingleView.Core.Model;

namespace SingleView.Match.Tests;

/// <summary>Person records for tests, with sensible values unless a test says otherwise.</summary>
internal static class Records
{
    public static PersonRecord Person(
        string key,
        string? first = "Oliver",
        string? family = "Okonkwo",
        string? dob = "2014-05-17",
        Gender gender = Gender.Male,
        string? postcode = "AT1 2AB",
        string? address = "12 Mill Lane, Anytown",
        string? nhs = null,
        string? upn = null,
        string? middle = null)
    {
        var parts = key.Split(':');
        return new PersonRecord
        {
            Key = new SourceRecordKey(parts[0], parts[1]),
            SourceSystem = parts[0],
            ExtractDate = new DateOnly(2026, 11, 20),
            FirstName = first,
            MiddleNames = middle,
            FamilyName = family,
            DateOfBirth = dob is null ? null : DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture),
            Gender = gender,
            Postcode = postcode,
            Address = address,
            NhsNumber = nhs,
            Upn = upn,
        };
    }
}

internal static class RepositoryConfig
{
    public static string Directory => SingleView.Tests.Shared.RepositoryRoot.Config;

    public static SingleView.Match.Model.MatchModel Model => SingleView.Match.Model.MatchModelLoader.LoadDirectory(Directory);
}
