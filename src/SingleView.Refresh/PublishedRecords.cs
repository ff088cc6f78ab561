using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;

namespace SingleView.Refresh;

/// <summary>Reads published source records back into the common model, for explaining a pair after the fact.</summary>
public static class PublishedRecords
{
    public static async Task<Dictionary<SourceRecordKey, PersonRecord>> LoadAsync(ServingDatabase database, IReadOnlyList<SourceRecordKey> keys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = new Dictionary<SourceRecordKey, PersonRecord>();
        foreach (var key in keys)
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                """
                SELECT feed AS Feed, record_id AS RecordId, source_system AS SourceSystem, extract_date AS ExtractDate,
                       first_name AS FirstName, middle_names AS MiddleNames, family_name AS FamilyName, date_of_birth AS DateOfBirth,
                       gender AS Gender, address AS Address, postcode AS Postcode, nhs_number AS NhsNumber, upn AS Upn,
                       case_person_id AS CasePersonId, email AS Email, city AS City, identifiers AS Identifiers
                FROM source_record WHERE feed = @Feed AND record_id = @RecordId
                """,
                new { key.Feed, key.RecordId });
            if (row is null) continue;
            found[key] = new PersonRecord
            {
                Key = key,
                SourceSystem = row.SourceSystem,
                ExtractDate = Date(row.ExtractDate)!.Value,
                FirstName = row.FirstName,
                MiddleNames = row.MiddleNames,
                FamilyName = row.FamilyName,
                DateOfBirth = Date(row.DateOfBirth),
                Gender = Enum.TryParse<Gender>(row.Gender, out var gender) ? gender : Gender.Unknown,
                Address = row.Address,
                Postcode = row.Postcode,
                NhsNumber = row.NhsNumber,
                Upn = row.Upn,
                CasePersonId = row.CasePersonId,
                Email = row.Email,
                City = row.City,
                Identifiers = IdentifiersOf(row.Identifiers),
            };
        }

        return found;
    }

    // source_record.identifiers: [{"name": ..., "value": ...}], as sql/0012 documents it.
    private static NamedIdentifier[] IdentifiersOf(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]") return [];
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(i => new NamedIdentifier(i.GetProperty("name").GetString()!, i.GetProperty("value").GetString()!))];
    }

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row
    {
        public string Feed { get; init; } = "";
        public string RecordId { get; init; } = "";
        public string SourceSystem { get; init; } = "";
        public string ExtractDate { get; init; } = "";
        public string? FirstName { get; init; }
        public string? MiddleNames { get; init; }
        public string? FamilyName { get; init; }
        public string? DateOfBirth { get; init; }
        public string? Gender { get; init; }
        public string? Address { get; init; }
        public string? Postcode { get; init; }
        public string? NhsNumber { get; init; }
        public string? Upn { get; init; }
        public string? CasePersonId { get; init; }
        public string? Email { get; init; }
        public string? City { get; init; }
        public string? Identifiers { get; init; }
    }
}
