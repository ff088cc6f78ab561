using System.Data.Common;
using System.Text.Json;
using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;

namespace SingleView.Serve.Data;

/// <summary>
/// Every query the view makes, read-only, with Dapper parameters. Callers pass the services they may
/// see, so that a service a role cannot see is never even read.
/// </summary>
internal sealed class ServingReader(ServingDatabase database) : IDisposable
{
    private static readonly AsyncLocal<SharedConnection?> Shared = new();

    private readonly SqliteSessions? sessions = database.Provider == DatabaseProvider.Sqlite ? new SqliteSessions(database) : null;
    private volatile PublicationFeeds? publicationFeeds;

    /// <summary>
    /// Makes the reads that follow in the calling async flow share one connection, opened on first use,
    /// until the result is disposed, instead of opening one per query (a person view makes about ten).
    /// Synchronous on purpose: an async-local set here flows into the caller's later awaits. Reads must
    /// be awaited one after another while it is shared.
    /// </summary>
    public static IAsyncDisposable ShareConnection()
    {
        var shared = new SharedConnection();
        Shared.Value = shared;
        return shared;
    }

    private async Task<ConnectionLease> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Shared.Value is { Disposed: false } shared)
        {
            shared.Lease ??= await OpenAsync(cancellationToken);
            return shared.Lease.Borrowed();
        }

        return await OpenAsync(cancellationToken);
    }

    private async Task<ConnectionLease> OpenAsync(CancellationToken cancellationToken) => sessions is null
        ? new ConnectionLease(await database.OpenAsync(cancellationToken), null, null)
        : ConnectionLease.Of(await sessions.RentAsync(cancellationToken), sessions);

    /// <summary>Closes the SQLite connections kept open for their prepared statements.</summary>
    public void Dispose() => sessions?.Dispose();

    private const string PersonColumns = """
        golden_id AS GoldenId, kind AS Kind, first_name AS FirstName, middle_names AS MiddleNames, family_name AS FamilyName,
        date_of_birth AS DateOfBirth, gender AS Gender, address AS Address, postcode AS Postcode, nhs_number AS NhsNumber,
        upn AS Upn, case_person_id AS CasePersonId, phone AS Phone, email AS Email, family_id AS FamilyId,
        restricted AS Restricted, first_name_key AS FirstNameKey, family_name_key AS FamilyNameKey
        """;

    /// <summary>What ranking a search candidate needs; the full row is read only for the results shown.</summary>
    private const string CandidateColumns = """
        golden_id AS GoldenId, date_of_birth AS DateOfBirth, postcode AS Postcode, restricted AS Restricted,
        first_name_key AS FirstNameKey, family_name_key AS FamilyNameKey
        """;

    // The statements of one person's view, run together by PersonRecordsAsync. "@@Services" is where the
    // provider's form of "service is one of @Services" goes.
    private const string LineageSql = """
            SELECT field AS Field, value AS Value, source_feed AS SourceFeed, source_record_id AS SourceRecordId,
                   source_system AS SourceSystem, extract_date AS ExtractDate, rule AS Rule, other_values AS OtherValues
            FROM field_lineage WHERE golden_id = @GoldenId
        """;

    private const string InvolvementSql = """
            SELECT feed AS Feed, record_id AS RecordId, service AS Service, status AS Status, start_date AS StartDate,
                   end_date AS EndDate, nature AS Nature, organisation AS Organisation, contact_name AS ContactName,
                   contact_role AS ContactRole, contact_phone AS ContactPhone, contact_email AS ContactEmail, details AS Details
            FROM involvement WHERE golden_id = @GoldenId AND @@Services
            ORDER BY service, status, start_date DESC
        """;

    private const string FamilySql = """
            SELECT r.from_golden_id AS GoldenId, r.relationship_type AS RelationshipType, r.source_feed AS SourceFeed,
                   r.evidence AS Evidence, p.first_name AS FirstName, p.family_name AS FamilyName,
                   p.date_of_birth AS DateOfBirth, p.kind AS Kind
            FROM relationship r JOIN person p ON p.golden_id = r.from_golden_id
            WHERE r.to_golden_id = @GoldenId
            ORDER BY r.relationship_type, p.date_of_birth
        """;

    private const string SourceRecordSql = """
            SELECT feed AS Feed, record_id AS RecordId, source_system AS SourceSystem, extract_date AS ExtractDate,
                   first_name AS FirstName, family_name AS FamilyName, date_of_birth AS DateOfBirth
            FROM source_record WHERE golden_id = @GoldenId ORDER BY feed, record_id
        """;

    private const string MatchPairSql = """
            SELECT m.feed_a AS FeedA, m.record_a AS RecordA, m.feed_b AS FeedB, m.record_b AS RecordB, m.decision AS Decision,
                   m.match_weight AS MatchWeight, m.match_probability AS MatchProbability, m.explanation AS Explanation
            FROM match_pair m
            JOIN source_record a ON a.feed = m.feed_a AND a.record_id = m.record_a
            JOIN source_record b ON b.feed = m.feed_b AND b.record_id = m.record_b
            WHERE a.golden_id = @GoldenId AND b.golden_id = @GoldenId
            ORDER BY m.match_probability DESC
        """;

    /// <summary>
    /// "column is one of the array parameter". Dapper expands IN @list into single parameters for SQLite,
    /// but passes an array whole to Npgsql, where only = ANY(@list) reads it.
    /// </summary>
    private string InList(string column, string parameter) => database.Provider == DatabaseProvider.PostgreSql
        ? $"{column} = ANY(@{parameter})"
        : $"{column} IN @{parameter}";

    /// <summary>Rows taken of people only one of whose two names sounds right: enough to show near misses.</summary>
    internal const int EitherNameFallbackLimit = 200;

    /// <summary>True when the serving schema is there to read (the publish stage may not have run yet).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM publication", cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private const string LatestPublicationSql =
        "SELECT publication_id AS PublicationId, published_at AS PublishedAt FROM publication ORDER BY publication_id DESC LIMIT 1";

    public async Task<PublicationRow?> LatestPublicationAsync(CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        if (lease.Session is { } session)
        {
            var command = session.Command(LatestPublicationSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return ReadAll(reader, session.RowParser<PublicationRow>(command, 0)).FirstOrDefault();
        }

        return await lease.Connection.QuerySingleOrDefaultAsync<PublicationRow>(new CommandDefinition(LatestPublicationSql, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PersonRow>> PeopleAsync(IReadOnlyCollection<string> goldenIds, CancellationToken cancellationToken)
    {
        if (goldenIds.Count == 0) return [];
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        return (await connection.QueryAsync<PersonRow>(new CommandDefinition(
            $"SELECT {PersonColumns} FROM person WHERE {InList("golden_id", "Ids")}", new { Ids = goldenIds.ToArray() }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// People (golden ID and the columns scoring reads: keys, date of birth, postcode, restricted) whose family
    /// or first name sounds like the given codes, or whose date of birth or postcode is
    /// one of those given, at most <paramref name="limit"/>. The likeliest come first and are never cut:
    /// a name that sounds right with a date of birth or postcode that is right, then both names sounding
    /// right (one seek of ix_person_family_first_soundex), then either name alone — for two names only
    /// <see cref="EitherNameFallbackLimit"/> of those, since over a million records one common surname is
    /// tens of thousands of rows that would all be read and scored to rank below the others — then date of
    /// birth or postcode alone. No ORDER BY: sorting every "Smith" to keep a page of them costs more than
    /// the search; the scorer ranks what is returned.
    /// </summary>
    public async Task<IReadOnlyList<PersonRow>> SearchCandidatesAsync(SearchKeys keys, int limit, CancellationToken cancellationToken)
    {
        var names = keys.Soundexes.Count > 0 ? $"({InList("family_name_soundex", "Soundexes")} OR {InList("first_name_soundex", "Soundexes")})" : null;
        var dates = keys.Dates.Count > 0 ? InList("date_of_birth", "Dates") : null;
        var postcode = keys.Postcode is not null ? "postcode = @Postcode" : null;
        // Only fixed condition text is joined here; every value travels as a parameter.
        var bothNames = keys.Soundexes.Count > 0 && keys.TwoNames
            ? $"{InList("family_name_soundex", "Soundexes")} AND {InList("first_name_soundex", "Soundexes")}"
            : null;
        var passes = new List<(string Condition, int Limit)>();
        if (names is not null && dates is not null) passes.Add(($"{names} AND {dates}", limit));
        if (names is not null && postcode is not null) passes.Add(($"{names} AND {postcode}", limit));
        if (bothNames is not null) passes.Add((bothNames, limit));
        if (names is not null) passes.Add((names, keys.TwoNames ? Math.Min(limit, EitherNameFallbackLimit) : limit));
        passes.AddRange(new[] { dates, postcode }.OfType<string>().Select(c => (c, limit)));
        if (passes.Count == 0) return [];
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        var found = new Dictionary<string, PersonRow>(StringComparer.Ordinal);
        var soundexes = keys.Soundexes.ToArray();
        var dateValues = keys.Dates.ToArray();
        foreach (var (condition, passLimit) in passes)
        {
            if (found.Count >= limit) break;
            var rows = await connection.QueryAsync<PersonRow>(new CommandDefinition(
                $"SELECT {CandidateColumns} FROM person WHERE {condition} LIMIT @Limit",
                new { Soundexes = soundexes, Dates = dateValues, keys.Postcode, Limit = Math.Min(passLimit, limit - found.Count) },
                cancellationToken: cancellationToken));
            foreach (var row in rows) found.TryAdd(row.GoldenId, row);
        }

        return found.Values.ToList();
    }

    /// <summary>Golden ids holding an identifier, on the golden record or on any of its source records, with which identifier matched.</summary>
    public async Task<IReadOnlyList<(string GoldenId, string Identifier)>> IdentifierMatchesAsync(
        string? casePersonId, string? nhsNumber, string? upn, CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<(string GoldenId, string Identifier)>(new CommandDefinition(
            """
            SELECT golden_id, 'case_person_id' FROM person WHERE case_person_id = @CasePersonId
            UNION SELECT golden_id, 'nhs_number' FROM person WHERE nhs_number = @NhsNumber
            UNION SELECT golden_id, 'upn' FROM person WHERE upn = @Upn
            UNION SELECT golden_id, 'case_person_id' FROM source_record WHERE case_person_id = @CasePersonId
            UNION SELECT golden_id, 'nhs_number' FROM source_record WHERE nhs_number = @NhsNumber
            UNION SELECT golden_id, 'upn' FROM source_record WHERE upn = @Upn
            """,
            new { CasePersonId = casePersonId, NhsNumber = nhsNumber, Upn = upn },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The latest publication with which service every feed serves (from the feed statuses and, for feeds
    /// without one, their involvements), every feed's status and the restricted people's withheld values. They change only with a publication, and
    /// finding the services scans the involvements, so they are kept until the publication ID changes: one
    /// small query per view instead of three.
    /// </summary>
    public async Task<PublicationFeeds> PublicationFeedsAsync(CancellationToken cancellationToken)
    {
        var publication = await LatestPublicationAsync(cancellationToken);
        var cached = publicationFeeds;
        if (cached is not null && cached.PublicationId == (publication?.PublicationId ?? 0)) return cached with { Publication = publication };
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<(string Feed, string Service)>(new CommandDefinition(
            "SELECT feed, service FROM feed_status UNION SELECT DISTINCT feed, service FROM involvement",
            cancellationToken: cancellationToken));
        var byFeed = new Dictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (feed, service) in rows)
        {
            if (Enum.TryParse<Service>(service, out var parsed)) byFeed.TryAdd(feed, parsed);
        }

        var statuses = (await connection.QueryAsync<FeedStatusRow>(new CommandDefinition(
            """
            SELECT feed AS Feed, source_system AS SourceSystem, service AS Service, state AS State, current_as_of AS CurrentAsOf,
                   coverage_start AS CoverageStart, coverage_end AS CoverageEnd, coverage_area AS CoverageArea,
                   message AS Message, launch_url AS LaunchUrl
            FROM feed_status ORDER BY feed
            """,
            cancellationToken: cancellationToken))).AsList();
        var restricted = await connection.QueryAsync<(string? Address, string? Postcode, string? Phone, string? Email)>(new CommandDefinition(
            """
            SELECT address, postcode, phone, email FROM person WHERE restricted <> 0
            UNION ALL
            SELECT s.address, s.postcode, s.phone, s.email FROM source_record s
            WHERE s.restricted <> 0 OR s.golden_id IN (SELECT golden_id FROM person WHERE restricted <> 0)
            """,
            cancellationToken: cancellationToken));
        var withheld = new Access.WithheldValues(restricted.SelectMany(r => new[] { r.Address, r.Postcode, r.Phone, r.Email }));
        var loaded = new PublicationFeeds(publication?.PublicationId ?? 0, publication, new FeedServices(byFeed), statuses, withheld);
        publicationFeeds = loaded;
        return loaded;
    }

    /// <summary>Restricted people's values of the latest publication, withheld wherever they appear (kept with <see cref="PublicationFeedsAsync"/>).</summary>
    public async Task<Access.WithheldValues> WithheldValuesAsync(CancellationToken cancellationToken) =>
        (await PublicationFeedsAsync(cancellationToken)).Withheld;

    /// <summary>
    /// Everything the view shows of one person, in one command (one round trip): the person, the lineage of
    /// their golden fields, their involvements with the given services only (a service the role may not see
    /// is never read), their source records, the matcher's pairs between those records and what each
    /// relative is to them. Null when there is no such person.
    /// </summary>
    public async Task<PersonRecords?> PersonRecordsAsync(string goldenId, IReadOnlyCollection<Service> services, CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        // With no service to read, the involvement statement matches nothing rather than an empty list.
        var serviceNames = services.Count == 0 ? ["-"] : services.Select(s => s.ToString()).ToArray();
        var records = lease.Session is { } session
            ? PreparedPersonRecords(session, goldenId, serviceNames)
            : await PersonRecordsAsync(lease.Connection, goldenId, serviceNames, cancellationToken);
        return records is null || services.Count > 0 ? records : records with { Involvements = [] };
    }

    /// <summary>The one batch of <see cref="PersonRecordsAsync(string, IReadOnlyCollection{Service}, CancellationToken)"/>; the services' IN list is the provider's.</summary>
    private static string PersonRecordsSql(string services) => $"""
        SELECT {PersonColumns} FROM person WHERE golden_id = @GoldenId;
        {LineageSql};
        {InvolvementSql.Replace("@@Services", services, StringComparison.Ordinal)};
        {SourceRecordSql};
        {MatchPairSql};
        {FamilySql}
        """;

    /// <summary>PostgreSQL (and any provider without kept sessions): Dapper, one round trip.</summary>
    private async Task<PersonRecords?> PersonRecordsAsync(DbConnection connection, string goldenId, string[] serviceNames, CancellationToken cancellationToken)
    {
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            PersonRecordsSql(InList("service", "Services")),
            new { GoldenId = goldenId, Services = serviceNames },
            cancellationToken: cancellationToken));
        var person = (await grid.ReadAsync<PersonRow>()).FirstOrDefault();
        var lineage = (await grid.ReadAsync<LineageRow>()).AsList();
        var involvements = (await grid.ReadAsync<InvolvementRow>()).AsList();
        var sourceRecords = (await grid.ReadAsync<SourceRecordRow>()).AsList();
        var matchPairs = (await grid.ReadAsync<MatchPairRow>()).AsList();
        var family = (await grid.ReadAsync<FamilyRow>()).AsList();
        return person is null ? null : new PersonRecords(person, lineage, involvements, sourceRecords, matchPairs, family);
    }

    /// <summary>
    /// SQLite: the same batch as a command prepared once per kept connection and number of services (one per
    /// role, in practice), re-bound for each person; rows are mapped by Dapper's own row parsers, as above.
    /// Microsoft.Data.Sqlite's asynchronous calls run synchronously, so the synchronous ones are used.
    /// </summary>
    private static PersonRecords? PreparedPersonRecords(SqliteSession session, string goldenId, string[] serviceNames)
    {
        var (text, names) = PreparedPersonRecordsSql(serviceNames.Length);
        var command = session.Command(text, names);
        command.Parameters[0].Value = goldenId;
        for (var i = 0; i < serviceNames.Length; i++) command.Parameters[i + 1].Value = serviceNames[i];
        using var reader = command.ExecuteReader();
        var person = ReadAll(reader, session.RowParser<PersonRow>(command, 0)).FirstOrDefault();
        reader.NextResult();
        var lineage = ReadAll(reader, session.RowParser<LineageRow>(command, 1));
        reader.NextResult();
        var involvements = ReadAll(reader, session.RowParser<InvolvementRow>(command, 2));
        reader.NextResult();
        var sourceRecords = ReadAll(reader, session.RowParser<SourceRecordRow>(command, 3));
        reader.NextResult();
        var matchPairs = ReadAll(reader, session.RowParser<MatchPairRow>(command, 4));
        reader.NextResult();
        var family = ReadAll(reader, session.RowParser<FamilyRow>(command, 5));
        return person is null ? null : new PersonRecords(person, lineage, involvements, sourceRecords, matchPairs, family);
    }

    /// <summary>The SQLite batch's text and parameter names for each number of services, made once (the text is also the command's key).</summary>
    private static readonly (string Text, string[] Parameters)[] PreparedPersonRecordsSqls =
        Enumerable.Range(0, Enum.GetValues<Service>().Length + 1).Select(PreparedPersonRecordsSqlFor).ToArray();

    private static (string Text, string[] Parameters) PreparedPersonRecordsSql(int services) =>
        services < PreparedPersonRecordsSqls.Length ? PreparedPersonRecordsSqls[services] : PreparedPersonRecordsSqlFor(services);

    private static (string Text, string[] Parameters) PreparedPersonRecordsSqlFor(int services)
    {
        var names = Enumerable.Range(0, services).Select(i => $"@Service{i}").ToArray();
        return (PersonRecordsSql("service IN (" + string.Join(", ", names) + ")"), ["@GoldenId", .. names]);
    }

    /// <summary>Every row of the current result, mapped as Dapper maps a query's rows.</summary>
    private static List<T> ReadAll<T>(DbDataReader reader, KeptRowParser<T> parser)
    {
        var rows = new List<T>();
        if (reader.FieldCount == 0) return rows;
        var parse = parser.For(reader);
        while (reader.Read()) rows.Add(parse(reader));
        return rows;
    }

    /// <summary>Which of the given people have a current school involvement at the school with this URN.</summary>
    public async Task<IReadOnlySet<string>> PeopleOnSchoolRollAsync(IReadOnlyCollection<string> goldenIds, string schoolUrn, CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        // The URN lives in the details JSON; reading it here keeps the SQL the same on SQLite and PostgreSQL.
        var rows = await connection.QueryAsync<(string GoldenId, string Details)>(new CommandDefinition(
            $"SELECT golden_id, details FROM involvement WHERE service = @Service AND status = @Status AND {InList("golden_id", "Ids")}",
            new { Service = nameof(Service.School), Status = nameof(InvolvementStatus.Current), Ids = goldenIds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.Where(r => string.Equals(DetailsJson.Read(r.Details).GetValueOrDefault("school_urn"), schoolUrn, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.GoldenId)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The current ID of a person whose ID was retired by a merge, following redirects to the end (a
    /// person may merge more than once); null when the ID was never redirected. A cycle, which the
    /// golden-ID stage never writes, ends the walk rather than looping.
    /// </summary>
    public async Task<string?> CurrentGoldenIdAsync(string goldenId, CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        var seen = new HashSet<string>(StringComparer.Ordinal) { goldenId };
        string? current = null;
        var next = goldenId;
        while (true)
        {
            var target = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT new_golden_id FROM golden_id_redirect WHERE old_golden_id = @Id", new { Id = next }, cancellationToken: cancellationToken));
            if (target is null || !seen.Add(target)) return current;
            current = next = target;
        }
    }

    /// <summary>The schools found in the data (URN and name), for the demo sign-in.</summary>
    public async Task<IReadOnlyList<(string Urn, string Name)>> SchoolsAsync(CancellationToken cancellationToken)
    {
        await using var lease = await ConnectAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<SchoolRow>(new CommandDefinition(
            "SELECT DISTINCT organisation AS Organisation, details AS Details FROM involvement WHERE service = @Service",
            new { Service = nameof(Service.School) },
            cancellationToken: cancellationToken));
        return rows
            .Select(r => (Urn: DetailsJson.Read(r.Details).GetValueOrDefault("school_urn"), Name: r.Organisation))
            .Where(s => !string.IsNullOrWhiteSpace(s.Urn))
            .GroupBy(s => s.Urn!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Select(s => s.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? $"School {g.Key}"))
            .OrderBy(s => s.Item2, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// <summary>What <see cref="ServingReader.PublicationFeedsAsync"/> keeps for one publication.</summary>
internal sealed record PublicationFeeds(
    long PublicationId, PublicationRow? Publication, FeedServices Services, IReadOnlyList<FeedStatusRow> Statuses, Access.WithheldValues Withheld)
{
    /// <summary>The statuses of the given services' feeds, by feed, as the database orders them.</summary>
    public IReadOnlyList<FeedStatusRow> StatusesOf(IReadOnlyCollection<Service> services)
    {
        var names = services.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        return Statuses.Where(s => names.Contains(s.Service)).ToList();
    }
}

/// <summary>What <see cref="ServingReader.PersonRecordsAsync"/> reads of one person.</summary>
internal sealed record PersonRecords(
    PersonRow Person,
    IReadOnlyList<LineageRow> Lineage,
    IReadOnlyList<InvolvementRow> Involvements,
    IReadOnlyList<SourceRecordRow> SourceRecords,
    IReadOnlyList<MatchPairRow> MatchPairs,
    IReadOnlyList<FamilyRow> Family);

/// <summary>Reads an involvement's details JSON object into name/value text, tolerating what a partner sent.</summary>
internal static class DetailsJson
{
    public static IReadOnlyDictionary<string, string?> Read(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // A malformed details column shows as no details rather than breaking the page.
        }

        return result;
    }
}

/// <summary>
/// A connection for one read: its own (closed, or for SQLite given back to the kept sessions, when disposed)
/// or borrowed from the one shared by <see cref="ServingReader.ShareConnection"/>.
/// </summary>
internal sealed class ConnectionLease(DbConnection connection, SqliteSession? session, SqliteSessions? owner) : IAsyncDisposable
{
    private readonly bool borrowed;

    private ConnectionLease(ConnectionLease shared)
        : this(shared.Connection, shared.Session, null) => borrowed = true;

    public static ConnectionLease Of(SqliteSession session, SqliteSessions owner) => new(session.Connection, session, owner);

    public DbConnection Connection { get; } = connection;

    /// <summary>The kept SQLite session whose prepared commands may be reused; null on PostgreSQL.</summary>
    public SqliteSession? Session { get; } = session;

    /// <summary>The same connection for a read inside the request that shares it; disposing it leaves the connection open.</summary>
    public ConnectionLease Borrowed() => new(this);

    public ValueTask DisposeAsync()
    {
        if (borrowed) return ValueTask.CompletedTask;
        if (owner is not null && Session is not null)
        {
            owner.Return(Session);
            return ValueTask.CompletedTask;
        }

        return Connection.DisposeAsync();
    }
}

/// <summary>The connection shared by the reads of one request.</summary>
internal sealed class SharedConnection : IAsyncDisposable
{
    public ConnectionLease? Lease { get; set; }

    public bool Disposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return Lease?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
