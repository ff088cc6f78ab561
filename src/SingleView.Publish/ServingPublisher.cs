using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;

namespace SingleView.Publish;

/// <summary>
/// Replaces the serving database's content with one refresh's results in a single transaction:
/// readers see last night's view until the commit, then tonight's, never a mixture.
/// </summary>
public sealed class ServingPublisher(ServingDatabase database, TimeProvider timeProvider)
{
    private static readonly string[] Tables = ["match_pair", "feed_status", "relationship", "family", "involvement", "source_record", "field_lineage", "person"];

    public async Task<long> PublishAsync(Publication publication, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            // Table names come from the constant list above, never from input.
            await connection.ExecuteAsync($"DELETE FROM {table}", transaction: transaction);
        }

        var goldenOf = publication.People.SelectMany(p => p.Members.Select(m => (m, p.GoldenId))).ToDictionary(x => x.m, x => x.GoldenId);
        await InsertPeopleAsync(connection, transaction, publication.People);
        await InsertSourceRecordsAsync(connection, transaction, publication.SourceRecords, goldenOf);
        await InsertFamiliesAsync(connection, transaction, publication);
        await InsertFeedsAsync(connection, transaction, publication.Feeds);
        await InsertPairsAsync(connection, transaction, publication.Pairs);

        var publicationId = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(publication_id), 0) + 1 FROM publication", transaction: transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO publication (publication_id, run_id, published_at, source_records, golden_records, families, links, review_pairs)
            VALUES (@PublicationId, @RunId, @PublishedAt, @SourceRecords, @GoldenRecords, @Families, @Links, @ReviewPairs)
            """,
            new
            {
                PublicationId = publicationId,
                publication.RunId,
                PublishedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                SourceRecords = publication.SourceRecords.Count,
                GoldenRecords = publication.People.Count,
                Families = publication.Families.Count,
                Links = publication.Pairs.Count(p => p.Decision == "link"),
                ReviewPairs = publication.Pairs.Count(p => p.Decision == "review"),
            },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return publicationId;
    }

    private static async Task InsertPeopleAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<GoldenRecord> people)
    {
        var rows = people.Select(p =>
        {
            var firstKey = NameStandardiser.MatchKey(p.ValueOf(StandardFields.FirstName));
            var familyKey = NameStandardiser.MatchKey(p.ValueOf(StandardFields.FamilyName));
            return new
            {
                p.GoldenId,
                Kind = p.Kind.ToString(),
                FirstName = p.ValueOf(StandardFields.FirstName),
                MiddleNames = p.ValueOf(StandardFields.MiddleNames),
                FamilyName = p.ValueOf(StandardFields.FamilyName),
                DateOfBirth = p.ValueOf(StandardFields.DateOfBirth),
                Gender = p.ValueOf(StandardFields.Gender),
                Address = p.ValueOf(StandardFields.Address),
                Postcode = p.ValueOf(StandardFields.Postcode),
                NhsNumber = p.ValueOf(StandardFields.NhsNumber),
                Upn = p.ValueOf(StandardFields.Upn),
                CasePersonId = p.ValueOf(StandardFields.CasePersonId),
                Phone = p.ValueOf(StandardFields.Phone),
                Email = p.ValueOf(StandardFields.Email),
                p.FamilyId,
                Restricted = p.Restricted ? 1 : 0,
                FirstNameKey = firstKey,
                FamilyNameKey = familyKey,
                FirstNameSoundex = Soundex.Encode(firstKey),
                FamilyNameSoundex = Soundex.Encode(familyKey),
            };
        });
        var lineage = people.SelectMany(p => p.Fields.Values.Select(f => new
        {
            p.GoldenId,
            f.Field,
            f.Chosen.Value,
            SourceFeed = f.Chosen.Source.Feed,
            SourceRecordId = f.Chosen.Source.RecordId,
            f.Chosen.SourceSystem,
            ExtractDate = Iso(f.Chosen.ExtractDate),
            f.Rule,
            OtherValues = JsonSerializer.Serialize(f.OtherValues.Select(o => new Dictionary<string, string>
            {
                ["value"] = o.Value,
                ["feed"] = o.Source.Feed,
                ["record_id"] = o.Source.RecordId,
                ["source_system"] = o.SourceSystem,
                ["extract_date"] = Iso(o.ExtractDate),
            })),
        }));
        await connection.ExecuteAsync(
            """
            INSERT INTO person (golden_id, kind, first_name, middle_names, family_name, date_of_birth, gender, address, postcode,
                nhs_number, upn, case_person_id, phone, email, family_id, restricted, first_name_key, family_name_key,
                first_name_soundex, family_name_soundex)
            VALUES (@GoldenId, @Kind, @FirstName, @MiddleNames, @FamilyName, @DateOfBirth, @Gender, @Address, @Postcode,
                @NhsNumber, @Upn, @CasePersonId, @Phone, @Email, @FamilyId, @Restricted, @FirstNameKey, @FamilyNameKey,
                @FirstNameSoundex, @FamilyNameSoundex)
            """,
            rows,
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO field_lineage (golden_id, field, value, source_feed, source_record_id, source_system, extract_date, rule, other_values)
            VALUES (@GoldenId, @Field, @Value, @SourceFeed, @SourceRecordId, @SourceSystem, @ExtractDate, @Rule, @OtherValues)
            """,
            lineage,
            transaction);
    }

    private static async Task InsertSourceRecordsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PersonRecord> records, Dictionary<SourceRecordKey, string> goldenOf)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO source_record (feed, record_id, golden_id, source_system, extract_date, first_name, middle_names, family_name,
                date_of_birth, gender, address, postcode, nhs_number, upn, case_person_id, phone, email, household_key, household_role,
                restricted, raw_file, raw_line)
            VALUES (@Feed, @RecordId, @GoldenId, @SourceSystem, @ExtractDate, @FirstName, @MiddleNames, @FamilyName,
                @DateOfBirth, @Gender, @Address, @Postcode, @NhsNumber, @Upn, @CasePersonId, @Phone, @Email, @HouseholdKey, @HouseholdRole,
                @Restricted, @RawFile, @RawLine)
            """,
            records.Select(r => new
            {
                r.Key.Feed,
                r.Key.RecordId,
                GoldenId = goldenOf[r.Key],
                r.SourceSystem,
                ExtractDate = Iso(r.ExtractDate),
                r.FirstName,
                r.MiddleNames,
                r.FamilyName,
                DateOfBirth = r.DateOfBirth is { } d ? Iso(d) : null,
                Gender = r.Gender == Gender.Unknown ? null : r.Gender.ToString(),
                r.Address,
                r.Postcode,
                r.NhsNumber,
                r.Upn,
                r.CasePersonId,
                r.Phone,
                r.Email,
                r.HouseholdKey,
                HouseholdRole = r.HouseholdRole.ToString(),
                Restricted = r.Restricted ? 1 : 0,
                r.RawFile,
                r.RawLine,
            }),
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO involvement (feed, record_id, golden_id, service, status, start_date, end_date, nature, organisation,
                contact_name, contact_role, contact_phone, contact_email, details)
            VALUES (@Feed, @RecordId, @GoldenId, @Service, @Status, @StartDate, @EndDate, @Nature, @Organisation,
                @ContactName, @ContactRole, @ContactPhone, @ContactEmail, @Details)
            """,
            records.Where(r => r.Involvement is not null).Select(r => new
            {
                r.Key.Feed,
                r.Key.RecordId,
                GoldenId = goldenOf[r.Key],
                Service = r.Involvement!.Service.ToString(),
                Status = r.Involvement.Status.ToString(),
                StartDate = r.Involvement.StartDate is { } s ? Iso(s) : null,
                EndDate = r.Involvement.EndDate is { } e ? Iso(e) : null,
                r.Involvement.Nature,
                r.Involvement.Organisation,
                r.Involvement.ContactName,
                r.Involvement.ContactRole,
                r.Involvement.ContactPhone,
                r.Involvement.ContactEmail,
                Details = JsonSerializer.Serialize(r.Involvement.Details),
            }),
            transaction);
    }

    private static async Task InsertFamiliesAsync(DbConnection connection, DbTransaction transaction, Publication publication)
    {
        await connection.ExecuteAsync(
            "INSERT INTO family (family_id, member_count) VALUES (@FamilyId, @MemberCount)",
            publication.Families.Select(f => new { f.FamilyId, MemberCount = f.Members.Count }),
            transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO relationship (from_golden_id, to_golden_id, relationship_type, source_feed, evidence)
            VALUES (@FromGoldenId, @ToGoldenId, @RelationshipType, @SourceFeed, @Evidence)
            """,
            publication.Relationships.Select(r => new { r.FromGoldenId, r.ToGoldenId, RelationshipType = r.Type.ToString(), r.SourceFeed, r.Evidence }),
            transaction);
    }

    private static Task<int> InsertFeedsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PublishedFeed> feeds) =>
        connection.ExecuteAsync(
            """
            INSERT INTO feed_status (feed, source_system, service, state, current_as_of, coverage_start, coverage_end, coverage_area,
                rows_in, quarantined, message, launch_url, legal_basis, sharing_agreement, data_owner, retention_days)
            VALUES (@Feed, @SourceSystem, @Service, @State, @CurrentAsOf, @CoverageStart, @CoverageEnd, @CoverageArea,
                @RowsIn, @Quarantined, @Message, @LaunchUrl, @LegalBasis, @SharingAgreement, @DataOwner, @RetentionDays)
            """,
            feeds.Select(f => new
            {
                f.Coverage.Feed,
                f.Coverage.SourceSystem,
                Service = f.Coverage.Service.ToString(),
                State = f.Coverage.State.ToString(),
                CurrentAsOf = f.Coverage.CurrentAsOf is { } c ? Iso(c) : null,
                CoverageStart = f.Coverage.CoverageStart is { } s ? Iso(s) : null,
                CoverageEnd = f.Coverage.CoverageEnd is { } e ? Iso(e) : null,
                f.Coverage.CoverageArea,
                RowsIn = f.Coverage.Rows,
                f.Coverage.Quarantined,
                f.Coverage.Message,
                f.LaunchUrl,
                f.LegalBasis,
                f.SharingAgreement,
                f.DataOwner,
                f.RetentionDays,
            }),
            transaction);

    private static Task<int> InsertPairsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PublishedPair> pairs) =>
        connection.ExecuteAsync(
            """
            INSERT INTO match_pair (feed_a, record_a, feed_b, record_b, decision, match_weight, match_probability, explanation)
            VALUES (@FeedA, @RecordA, @FeedB, @RecordB, @Decision, @MatchWeight, @MatchProbability, @ExplanationJson)
            """,
            pairs.Select(p => new
            {
                FeedA = p.Left.Feed,
                RecordA = p.Left.RecordId,
                FeedB = p.Right.Feed,
                RecordB = p.Right.RecordId,
                p.Decision,
                p.MatchWeight,
                p.MatchProbability,
                p.ExplanationJson,
            }),
            transaction);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
