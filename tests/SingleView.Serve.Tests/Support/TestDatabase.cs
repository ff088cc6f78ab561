using Dapper;
using Npgsql;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;
using SingleView.Publish;

namespace SingleView.Serve.Tests.Support;

/// <summary>
/// A temporary serving database with the real schema, filled row by row as the publish stage would:
/// a SQLite file, or a fresh database on the PostgreSQL server named by <see cref="PostgresVariable"/>.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>A connection string to a PostgreSQL server (e.g. "Host=127.0.0.1;Username=postgres;Password=postgres") where tests may create databases.</summary>
    public const string PostgresVariable = "SINGLEVIEW_TEST_POSTGRES";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "singleview-serve-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresServer;
    private readonly string postgresName = $"serve_test_{Guid.NewGuid():N}";

    private TestDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            postgresServer = Environment.GetEnvironmentVariable(PostgresVariable)!;
            Database = ServingDatabase.PostgreSql(new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName }.ConnectionString);
            return;
        }

        Directory.CreateDirectory(directory);
        Database = ServingDatabase.Sqlite(Path.Combine(directory, "serving.db"));
    }

    public ServingDatabase Database { get; }

    /// <summary>Whether PostgreSQL tests can run here; when not, they are reported as skipped with the reason.</summary>
    public static bool PostgresConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = new TestDatabase(provider);
        if (database.postgresServer is not null) await database.OnServerAsync($"CREATE DATABASE {database.postgresName}");
        await new MigrationRunner(database.Database, TimeProvider.System).ApplyAsync();
        return database;
    }

    private async Task OnServerAsync(string sql)
    {
        // The name is generated above from a GUID, never from input; CREATE/DROP DATABASE take no parameters.
        await using var connection = new NpgsqlConnection(postgresServer);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public Task AddPersonAsync(
        string goldenId, string? first, string? family, string? dateOfBirth, string kind = "Child", bool restricted = false,
        string? address = null, string? postcode = null, string? phone = null, string? nhsNumber = null, string? upn = null,
        string? casePersonId = null, string? gender = null)
    {
        var firstKey = NameStandardiser.MatchKey(first);
        var familyKey = NameStandardiser.MatchKey(family);
        return ExecuteAsync(
            """
            INSERT INTO person (golden_id, kind, first_name, middle_names, family_name, date_of_birth, gender, address, postcode,
                nhs_number, upn, case_person_id, phone, email, family_id, restricted, first_name_key, family_name_key,
                first_name_soundex, family_name_soundex)
            VALUES (@GoldenId, @Kind, @First, NULL, @Family, @DateOfBirth, @Gender, @Address, @Postcode, @NhsNumber, @Upn,
                @CasePersonId, @Phone, NULL, NULL, @Restricted, @FirstKey, @FamilyKey, @FirstSoundex, @FamilySoundex)
            """,
            new
            {
                GoldenId = goldenId, Kind = kind, First = first, Family = family, DateOfBirth = dateOfBirth, Gender = gender,
                Address = address, Postcode = postcode, NhsNumber = nhsNumber, Upn = upn, CasePersonId = casePersonId, Phone = phone,
                Restricted = restricted ? 1 : 0, FirstKey = firstKey, FamilyKey = familyKey,
                FirstSoundex = Soundex.Encode(firstKey), FamilySoundex = Soundex.Encode(familyKey),
            });
    }

    public Task AddLineageAsync(
        string goldenId, string field, string value, string feed, string recordId, string sourceSystem, string extractDate, string rule,
        string otherValues = "[]") =>
        ExecuteAsync(
            """
            INSERT INTO field_lineage (golden_id, field, value, source_feed, source_record_id, source_system, extract_date, rule, other_values)
            VALUES (@GoldenId, @Field, @Value, @Feed, @RecordId, @SourceSystem, @ExtractDate, @Rule, @OtherValues)
            """,
            new { GoldenId = goldenId, Field = field, Value = value, Feed = feed, RecordId = recordId, SourceSystem = sourceSystem, ExtractDate = extractDate, Rule = rule, OtherValues = otherValues });

    public Task AddSourceRecordAsync(string feed, string recordId, string goldenId, string sourceSystem, string? first, string? family, string? dateOfBirth,
        string? nhsNumber = null, string? upn = null, string? casePersonId = null) =>
        ExecuteAsync(
            """
            INSERT INTO source_record (feed, record_id, golden_id, source_system, extract_date, first_name, family_name, date_of_birth,
                nhs_number, upn, case_person_id, restricted, raw_line)
            VALUES (@Feed, @RecordId, @GoldenId, @SourceSystem, '2026-11-20', @First, @Family, @DateOfBirth, @NhsNumber, @Upn, @CasePersonId, 0, 2)
            """,
            new { Feed = feed, RecordId = recordId, GoldenId = goldenId, SourceSystem = sourceSystem, First = first, Family = family, DateOfBirth = dateOfBirth, NhsNumber = nhsNumber, Upn = upn, CasePersonId = casePersonId });

    public Task AddInvolvementAsync(
        string feed, string recordId, string goldenId, string service, string status = "Current", string details = "{}",
        string? nature = null, string? organisation = null, string? contactName = null, string? contactPhone = null, string? startDate = "2025-09-01") =>
        ExecuteAsync(
            """
            INSERT INTO involvement (feed, record_id, golden_id, service, status, start_date, end_date, nature, organisation,
                contact_name, contact_role, contact_phone, contact_email, details)
            VALUES (@Feed, @RecordId, @GoldenId, @Service, @Status, @StartDate, NULL, @Nature, @Organisation, @ContactName, NULL, @ContactPhone, NULL, @Details)
            """,
            new { Feed = feed, RecordId = recordId, GoldenId = goldenId, Service = service, Status = status, StartDate = startDate, Nature = nature, Organisation = organisation, ContactName = contactName, ContactPhone = contactPhone, Details = details });

    public Task AddFeedAsync(string feed, string sourceSystem, string service, string state = "Current", string? currentAsOf = "2026-11-20", string? launchUrl = null) =>
        ExecuteAsync(
            """
            INSERT INTO feed_status (feed, source_system, service, state, current_as_of, coverage_start, coverage_end, coverage_area,
                rows_in, quarantined, message, launch_url, legal_basis, sharing_agreement, data_owner, retention_days)
            VALUES (@Feed, @SourceSystem, @Service, @State, @CurrentAsOf, '2020-01-01', NULL, 'Stockport', 10, 0, NULL, @LaunchUrl,
                'Children Act 1989 s.17', 'Stockport MASH ISA', 'Data owner', 2555)
            """,
            new { Feed = feed, SourceSystem = sourceSystem, Service = service, State = state, CurrentAsOf = currentAsOf, LaunchUrl = launchUrl });

    public Task AddRelationshipAsync(string fromGoldenId, string toGoldenId, string type, string sourceFeed, string evidence) =>
        ExecuteAsync(
            "INSERT INTO relationship (from_golden_id, to_golden_id, relationship_type, source_feed, evidence) VALUES (@From, @To, @Type, @Feed, @Evidence)",
            new { From = fromGoldenId, To = toGoldenId, Type = type, Feed = sourceFeed, Evidence = evidence });

    public Task AddMatchPairAsync(string feedA, string recordA, string feedB, string recordB, double weight, double probability, string explanation) =>
        ExecuteAsync(
            """
            INSERT INTO match_pair (feed_a, record_a, feed_b, record_b, decision, match_weight, match_probability, explanation)
            VALUES (@FeedA, @RecordA, @FeedB, @RecordB, 'link', @Weight, @Probability, @Explanation)
            """,
            new { FeedA = feedA, RecordA = recordA, FeedB = feedB, RecordB = recordB, Weight = weight, Probability = probability, Explanation = explanation });

    public Task AddRedirectAsync(string oldGoldenId, string newGoldenId) =>
        ExecuteAsync(
            """
            INSERT INTO golden_id_redirect (old_golden_id, new_golden_id, reason, run_id, redirected_at)
            VALUES (@Old, @New, 'merged', 'run-1', '2026-11-21T05:30:00Z')
            """,
            new { Old = oldGoldenId, New = newGoldenId });

    public Task AddPublicationAsync() =>
        ExecuteAsync(
            "INSERT INTO publication VALUES (1, 'run-1', '2026-11-21T05:30:00Z', 10, 6, 2, 3, 0)",
            new { });

    public void Dispose()
    {
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            OnServerAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)").GetAwaiter().GetResult();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left in the temp folder; it is harmless.
        }
    }
}
