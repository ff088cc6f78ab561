using System.Data.Common;
using SingleView.Core.Model;
using SingleView.Golden;
using SingleView.Publish.Bulk;

namespace SingleView.Publish;

/// <summary>The rows of each published table, written in bulk in column order.</summary>
internal static class PublishedRows
{
    private static readonly string[] PersonColumns =
    [
        "golden_id", "kind", "first_name", "middle_names", "family_name", "date_of_birth", "gender", "address", "postcode",
        "nhs_number", "upn", "case_person_id", "phone", "email", "family_id", "restricted", "first_name_key", "family_name_key",
        "first_name_soundex", "family_name_soundex",
    ];

    private static readonly string[] LineageColumns =
        ["golden_id", "field", "value", "source_feed", "source_record_id", "source_system", "extract_date", "rule", "other_values"];

    private static readonly string[] SourceRecordColumns =
    [
        "feed", "record_id", "golden_id", "source_system", "extract_date", "first_name", "middle_names", "family_name",
        "date_of_birth", "gender", "address", "postcode", "nhs_number", "upn", "case_person_id", "phone", "email", "household_key",
        "household_role", "restricted", "raw_file", "raw_line", "city", "identifiers", "warnings",
    ];

    private static readonly string[] InvolvementColumns =
    [
        "feed", "record_id", "golden_id", "service", "status", "start_date", "end_date", "nature", "organisation",
        "contact_name", "contact_role", "contact_phone", "contact_email", "details",
    ];

    private static readonly string[] FamilyColumns = ["family_id", "member_count"];

    private static readonly string[] RelationshipColumns = ["from_golden_id", "to_golden_id", "relationship_type", "source_feed", "evidence"];

    private static readonly string[] FeedColumns =
    [
        "feed", "source_system", "service", "state", "current_as_of", "coverage_start", "coverage_end", "coverage_area",
        "rows_in", "quarantined", "message", "launch_url", "legal_basis", "sharing_agreement", "data_owner", "retention_days",
    ];

    private static readonly string[] PairColumns =
        ["feed_a", "record_a", "feed_b", "record_b", "decision", "match_weight", "match_probability", "explanation"];

    /// <summary>The golden fields of person's columns first_name to email, in column order.</summary>
    private static readonly string[] PersonValueFields =
    [
        StandardFields.FirstName, StandardFields.MiddleNames, StandardFields.FamilyName, StandardFields.DateOfBirth, StandardFields.Gender,
        StandardFields.Address, StandardFields.Postcode, StandardFields.NhsNumber, StandardFields.Upn, StandardFields.CasePersonId,
        StandardFields.Phone, StandardFields.Email,
    ];

    public static async Task PeopleAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<GoldenRecord> people, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "person", PersonColumns);
        await PreparedChunks.WriteAsync(
            people.Count,
            i =>
            {
                // Each value read once, here in parallel: a golden record may make a field's lineage on every read.
                var person = people[i];
                var values = Array.ConvertAll(PersonValueFields, field => GoldenValues.ValueOf(person, field));
                return (Person: person, Values: values, First: ServingPublisher.NameKeys(values[0]), Family: ServingPublisher.NameKeys(values[2]));
            },
            row =>
            {
                var p = row.Person;
                rows.StartRow();
                rows.Text(p.GoldenId);
                rows.Text(KindName(p.Kind));
                foreach (var value in row.Values) rows.Text(value);
                rows.Text(p.FamilyId);
                rows.Integer(p.Restricted ? 1 : 0);
                rows.Text(row.First.Key);
                rows.Text(row.Family.Key);
                rows.Text(row.First.Soundex);
                rows.Text(row.Family.Soundex);
            },
            cancellationToken);
        await rows.CompleteAsync(cancellationToken);
    }

    public static async Task LineageAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<GoldenRecord> people, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "field_lineage", LineageColumns);
        await PreparedChunks.WriteAsync(
            people.Count,
            i =>
            {
                // Fields in name order, as the (golden_id, field) key sorts them.
                var fields = people[i].Fields.Values.ToArray();
                Array.Sort(fields, (a, b) => string.CompareOrdinal(a.Field, b.Field));
                var json = JsonText.ForThisThread;
                return (Person: people[i], Fields: fields, OtherValues: Array.ConvertAll(fields, f => json.OtherValues(f.OtherValues)));
            },
            row =>
            {
                for (var f = 0; f < row.Fields.Length; f++)
                {
                    var field = row.Fields[f];
                    rows.StartRow();
                    rows.Text(row.Person.GoldenId);
                    rows.Text(field.Field);
                    rows.Text(field.Chosen.Value);
                    rows.Text(field.Chosen.Source.Feed);
                    rows.Text(field.Chosen.Source.RecordId);
                    rows.Text(field.Chosen.SourceSystem);
                    rows.Date(field.Chosen.ExtractDate);
                    rows.Text(field.Rule);
                    rows.Text(row.OtherValues[f]);
                }
            },
            cancellationToken);
        await rows.CompleteAsync(cancellationToken);
    }

    public static async Task SourceRecordsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PersonRecord> records, Dictionary<SourceRecordKey, string> goldenOf, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "source_record", SourceRecordColumns);
        foreach (var r in records)
        {
            rows.StartRow();
            rows.Text(r.Key.Feed);
            rows.Text(r.Key.RecordId);
            rows.Text(goldenOf[r.Key]);
            rows.Text(r.SourceSystem);
            rows.Date(r.ExtractDate);
            rows.Text(r.FirstName);
            rows.Text(r.MiddleNames);
            rows.Text(r.FamilyName);
            rows.Date(r.DateOfBirth);
            rows.Text(r.Gender == Gender.Unknown ? null : GenderName(r.Gender));
            rows.Text(r.Address);
            rows.Text(r.Postcode);
            rows.Text(r.NhsNumber);
            rows.Text(r.Upn);
            rows.Text(r.CasePersonId);
            rows.Text(r.Phone);
            rows.Text(r.Email);
            rows.Text(r.HouseholdKey);
            rows.Text(RoleName(r.HouseholdRole));
            rows.Integer(r.Restricted ? 1 : 0);
            rows.Text(r.RawFile);
            rows.BigInteger(r.RawLine);
            rows.Text(r.City);
            rows.Text(r.Identifiers.Count == 0 ? "[]" : JsonText.ForThisThread.Identifiers(r.Identifiers));
            rows.Text(r.Warnings.Count == 0 ? "[]" : JsonText.ForThisThread.Strings(r.Warnings));
        }

        await rows.CompleteAsync(cancellationToken);
    }

    public static async Task InvolvementsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PersonRecord> records, Dictionary<SourceRecordKey, string> goldenOf, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "involvement", InvolvementColumns);
        await PreparedChunks.WriteAsync(
            records.Count,
            i => (Record: records[i], Details: records[i].Involvement is { } involvement ? JsonText.ForThisThread.Details(involvement.Details) : null),
            row =>
            {
                var r = row.Record;
                if (r.Involvement is not { } i) return;
                rows.StartRow();
                rows.Text(r.Key.Feed);
                rows.Text(r.Key.RecordId);
                rows.Text(goldenOf[r.Key]);
                rows.Text(i.Service.ToString());
                rows.Text(i.Status.ToString());
                rows.Date(i.StartDate);
                rows.Date(i.EndDate);
                rows.Text(i.Nature);
                rows.Text(i.Organisation);
                rows.Text(i.ContactName);
                rows.Text(i.ContactRole);
                rows.Text(i.ContactPhone);
                rows.Text(i.ContactEmail);
                rows.Text(row.Details);
            },
            cancellationToken);
        await rows.CompleteAsync(cancellationToken);
    }

    public static async Task FamiliesAsync(DbConnection connection, DbTransaction transaction, Publication publication, CancellationToken cancellationToken)
    {
        await using (var rows = RowWriter.Open(connection, transaction, "family", FamilyColumns))
        {
            foreach (var family in publication.Families)
            {
                rows.StartRow();
                rows.Text(family.FamilyId);
                rows.Integer(family.Members.Count);
            }

            await rows.CompleteAsync(cancellationToken);
        }

        await using (var rows = RowWriter.Open(connection, transaction, "relationship", RelationshipColumns))
        {
            foreach (var relationship in publication.Relationships)
            {
                rows.StartRow();
                rows.Text(relationship.FromGoldenId);
                rows.Text(relationship.ToGoldenId);
                rows.Text(relationship.Type.ToString());
                rows.Text(relationship.SourceFeed);
                rows.Text(relationship.Evidence);
            }

            await rows.CompleteAsync(cancellationToken);
        }
    }

    public static async Task FeedsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PublishedFeed> feeds, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "feed_status", FeedColumns);
        foreach (var f in feeds)
        {
            var c = f.Coverage;
            rows.StartRow();
            rows.Text(c.Feed);
            rows.Text(c.SourceSystem);
            rows.Text(c.Service.ToString());
            rows.Text(c.State.ToString());
            rows.Text(c.CurrentAsOf is { } asOf ? ServingPublisher.Iso(asOf) : null);
            rows.Text(c.CoverageStart is { } s ? ServingPublisher.Iso(s) : null);
            rows.Text(c.CoverageEnd is { } e ? ServingPublisher.Iso(e) : null);
            rows.Text(c.CoverageArea);
            rows.Integer(c.Rows);
            rows.Integer(c.Quarantined);
            rows.Text(c.Message);
            rows.Text(f.LaunchUrl);
            rows.Text(f.LegalBasis);
            rows.Text(f.SharingAgreement);
            rows.Text(f.DataOwner);
            rows.Integer(f.RetentionDays);
        }

        await rows.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes the pairs and returns how many were links and how many for review.</summary>
    public static async Task<(int Links, int Review)> PairsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PublishedPair> pairs, CancellationToken cancellationToken)
    {
        await using var rows = RowWriter.Open(connection, transaction, "match_pair", PairColumns);
        var (links, review) = (0, 0);

        // Reading a pair may be where its explanation is serialised (a lazy list): done in parallel, once.
        await PreparedChunks.WriteAsync(
            pairs.Count,
            i => pairs[i],
            p =>
            {
                if (p.Decision == "link") links++;
                else if (p.Decision == "review") review++;
                rows.StartRow();
                rows.Text(p.Left.Feed);
                rows.Text(p.Left.RecordId);
                rows.Text(p.Right.Feed);
                rows.Text(p.Right.RecordId);
                rows.Text(p.Decision);
                rows.Double(p.MatchWeight);
                rows.Double(p.MatchProbability);
                rows.Text(p.ExplanationJson);
            },
            cancellationToken);
        await rows.CompleteAsync(cancellationToken);
        return (links, review);
    }

    // Enum names without Enum.ToString's reflection per row: these run once per record at a million records.
    private static string KindName(PersonKind kind) => kind switch
    {
        PersonKind.Child => nameof(PersonKind.Child),
        PersonKind.Adult => nameof(PersonKind.Adult),
        _ => nameof(PersonKind.Unknown),
    };

    private static string GenderName(Gender gender) => gender switch
    {
        Gender.Female => nameof(Gender.Female),
        Gender.Male => nameof(Gender.Male),
        Gender.Other => nameof(Gender.Other),
        _ => nameof(Gender.Unknown),
    };

    private static string RoleName(HouseholdRole role) => role switch
    {
        HouseholdRole.ParentOrCarer => nameof(HouseholdRole.ParentOrCarer),
        HouseholdRole.Child => nameof(HouseholdRole.Child),
        HouseholdRole.Partner => nameof(HouseholdRole.Partner),
        HouseholdRole.OtherMember => nameof(HouseholdRole.OtherMember),
        _ => nameof(HouseholdRole.Unknown),
    };
}
