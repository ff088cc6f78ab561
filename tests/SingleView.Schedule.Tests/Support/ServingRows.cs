namespace SingleView.Schedule.Tests.Support;

/// <summary>Rows of the published tables as the publish stage writes them, for precise digest and alert scenarios.</summary>
internal static class ServingRows
{
    public static Task PersonAsync(TestDatabase db, string goldenId, string first, string family, string dateOfBirth, string kind = "Child") =>
        db.ExecuteAsync(
            "INSERT INTO person (golden_id, kind, first_name, family_name, date_of_birth, restricted) VALUES (@GoldenId, @Kind, @First, @Family, @DateOfBirth, 0)",
            new { GoldenId = goldenId, Kind = kind, First = first, Family = family, DateOfBirth = dateOfBirth });

    public static async Task InvolvementAsync(
        TestDatabase db, string feed, string recordId, string goldenId, string service, string status = "Current", string? startDate = null,
        string? nature = null, string details = "{}", string? contactName = null, string? contactRole = null, string? contactPhone = null, string extractDate = "2026-11-20")
    {
        await db.ExecuteAsync(
            """
            INSERT INTO source_record (feed, record_id, golden_id, source_system, extract_date, restricted, raw_line)
            VALUES (@Feed, @RecordId, @GoldenId, @Feed, @ExtractDate, 0, 1)
            """,
            new { Feed = feed, RecordId = recordId, GoldenId = goldenId, ExtractDate = extractDate });
        await db.ExecuteAsync(
            """
            INSERT INTO involvement (feed, record_id, golden_id, service, status, start_date, nature, contact_name, contact_role, contact_phone, details)
            VALUES (@Feed, @RecordId, @GoldenId, @Service, @Status, @StartDate, @Nature, @ContactName, @ContactRole, @ContactPhone, @Details)
            """,
            new { Feed = feed, RecordId = recordId, GoldenId = goldenId, Service = service, Status = status, StartDate = startDate, Nature = nature, ContactName = contactName, ContactRole = contactRole, ContactPhone = contactPhone, Details = details });
    }

    public static Task PupilAsync(TestDatabase db, string goldenId, string urn, string status = "Current") =>
        InvolvementAsync(db, "school", "S-" + goldenId, goldenId, "School", status, details: $$"""{"school_urn": "{{urn}}"}""", contactPhone: "01632 960100");

    /// <summary>A police-attended domestic abuse incident with a child present, on the date given.</summary>
    public static Task DomesticAbuseAsync(TestDatabase db, string recordId, string goldenId, string date) =>
        InvolvementAsync(db, "police", recordId, goldenId, "Police", startDate: date, nature: "CHILD PRESENT",
            details: """{"domestic_abuse_incident": "Yes", "offence_1_type": "Assault occasioning actual bodily harm"}""",
            contactName: "Lauren White", contactRole: "PS", contactPhone: "01632 960782");
}
