using SingleView.Publish;

namespace SingleView.Serve.Tests.Support;

/// <summary>
/// A small serving database as the publish stage would leave it on 21 November 2026: a child on one
/// school's roll with her mother, a pupil of another school, a restricted child and a name with markup.
/// </summary>
internal static class SampleData
{
    public const string Child = "G-CHILD";
    public const string Mother = "G-MOTHER";
    public const string OtherPupil = "G-OTHER-PUPIL";
    public const string Restricted = "G-RESTRICTED";
    public const string Markup = "G-MARKUP";
    public const string OwnSchoolUrn = "100001";
    public const string OtherSchoolUrn = "200002";
    public const string ChildNhsNumber = "9434765919";

    /// <summary>Retired by a merge into <see cref="RetiredOnce"/>, itself retired into <see cref="Child"/>.</summary>
    public const string RetiredTwice = "G-RETIRED-2";
    public const string RetiredOnce = "G-RETIRED-1";

    /// <summary>Retired into <see cref="OtherPupil"/>, a pupil of the other school.</summary>
    public const string RetiredIntoOtherPupil = "G-RETIRED-OTHER";

    public static readonly DateTimeOffset Today = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Skips locally without a server, fails in CI (SINGLEVIEW_REQUIRE_SERVERS=1).
            SingleView.Tests.Shared.TestServers.PostgreSqlConnectionString();
        }

        var db = await TestDatabase.CreateAsync(provider);
        await db.AddPublicationAsync();
        await db.AddFeedAsync("school", "Capita SIMS census", "School", launchUrl: "https://school.example/pupil/{record_id}");
        await db.AddFeedAsync("lcs", "Liquidlogic LCS", "ChildrensSocialCare", launchUrl: "https://lcs.example/person/{record_id}");
        await db.AddFeedAsync("police", "Niche RMS", "Police");
        await db.AddFeedAsync("ehm", "Liquidlogic EHM", "EarlyHelp", state: "NotAvailable", currentAsOf: null);
        await db.AddFeedAsync("housing", "Northgate Housing", "Housing");
        await db.AddFeedAsync("yot", "ChildView YJ", "YouthJustice");
        // No health feed at all: "Source not available" too.

        await db.AddPersonAsync(Child, "Jayden", "Smith", "2014-03-27", address: "12 High Street, Stockport", postcode: "SK1 3XE",
            nhsNumber: ChildNhsNumber, upn: "A123456789012", casePersonId: "LCS-77", gender: "Male");
        await db.AddSourceRecordAsync("school", "S-1", Child, "Capita SIMS census", "Jayden", "Smith", "2014-03-27", upn: "A123456789012");
        await db.AddSourceRecordAsync("lcs", "L-1", Child, "Liquidlogic LCS", "Jaden", "Smith", "2014-03-27", casePersonId: "LCS-77");
        await db.AddInvolvementAsync("school", "S-1", Child, "School", details: $$"""{"school_urn": "{{OwnSchoolUrn}}", "admission_type": "Main"}""",
            organisation: "Hillside Primary School", contactName: "Ms Head", contactPhone: "0161 000 0001");
        await db.AddInvolvementAsync("lcs", "L-1", Child, "ChildrensSocialCare", details: """{"plan_type": "Child in need"}""",
            nature: "Child in need", organisation: "Stockport Children's Services", contactName: "Sam Worker", contactPhone: "0161 000 0002");
        await db.AddLineageAsync(Child, "first_name", "Jayden", "school", "S-1", "Capita SIMS census", "2026-11-20", "source priority: school, lcs",
            """[{"value":"Jaden","feed":"lcs","record_id":"L-1","source_system":"Liquidlogic LCS","extract_date":"2026-11-19"}]""");
        await db.AddLineageAsync(Child, "family_name", "Smith", "school", "S-1", "Capita SIMS census", "2026-11-20", "source priority: school, lcs");
        await db.AddLineageAsync(Child, "address", "12 High Street, Stockport", "lcs", "L-1", "Liquidlogic LCS", "2026-11-19", "most recent");
        await db.AddMatchPairAsync("school", "S-1", "lcs", "L-1", 14.2, 0.9999,
            """{"prior": -6.5, "comparisons": [{"comparison": "first name", "level": "Jaro-Winkler >= 0.92", "weight": 5.1}, {"comparison": "date of birth", "level": "exact", "weight": 9.8}], "match_weight": 14.2, "match_probability": 0.9999}""");

        await db.AddPersonAsync(Mother, "Karen", "Smith", "1985-06-04", kind: "Adult", address: "12 High Street, Stockport", postcode: "SK1 3XE");
        await db.AddSourceRecordAsync("police", "P-9", Mother, "Niche RMS", "Karen", "Smith", "1985-06-04");
        await db.AddSourceRecordAsync("lcs", "L-2", Mother, "Liquidlogic LCS", "Karen", "Smith", "1985-06-04");
        await db.AddInvolvementAsync("police", "P-9", Mother, "Police", details: """{"area": "Stockport West", "safeguarding_offences": "Yes"}""",
            nature: "Domestic abuse incident", organisation: "Greater Manchester Police", contactName: "PC Plod", contactPhone: "0161 000 0003");
        await db.AddInvolvementAsync("lcs", "L-2", Mother, "ChildrensSocialCare", nature: "Parent of a child in need");
        await db.AddLineageAsync(Mother, "first_name", "Karen", "police", "P-9", "Niche RMS", "2026-11-20", "source priority: lcs, police",
            """[{"value":"Caren","feed":"lcs","record_id":"L-2","source_system":"Liquidlogic LCS","extract_date":"2026-11-19"}]""");
        await db.AddMatchPairAsync("police", "P-9", "lcs", "L-2", 11.0, 0.999, """{"prior": -6.5, "comparisons": [], "match_weight": 11.0, "match_probability": 0.999}""");
        await db.AddRelationshipAsync(Mother, Child, "ParentOrCarer", "lcs", "LCS household H-5");
        await db.AddRelationshipAsync(Child, Mother, "Child", "lcs", "LCS household H-5");

        await db.AddPersonAsync(OtherPupil, "Amelia", "Jones", "2013-05-02");
        await db.AddInvolvementAsync("school", "S-2", OtherPupil, "School", details: $$"""{"school_urn": "{{OtherSchoolUrn}}"}""", organisation: "Valley High School");

        await db.AddPersonAsync(Restricted, "Leah", "Brown", "2012-01-15", restricted: true, address: "1 Secret Lane, Stockport",
            postcode: "SK4 9ZZ", phone: "07700 900123");
        await db.AddLineageAsync(Restricted, "address", "1 Secret Lane, Stockport", "lcs", "L-3", "Liquidlogic LCS", "2026-11-19", "most recent");

        await db.AddPersonAsync(Markup, "<script>alert('x')</script>", "Tester", "2015-02-01");

        await db.AddRedirectAsync(RetiredTwice, RetiredOnce);
        await db.AddRedirectAsync(RetiredOnce, Child);
        await db.AddRedirectAsync(RetiredIntoOtherPupil, OtherPupil);
        return db;
    }
}
