using System.Data.Common;
using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Core.Standardisation;
using SingleView.Core.Text;
using SingleView.Publish.Bulk;
using SingleView.Publish.Identity;

namespace SingleView.Publish;

/// <summary>
/// Replaces the serving database's content with one refresh's results in a single transaction:
/// readers see last night's view until the commit, then tonight's, never a mixture. Rows go in bulk
/// (PostgreSQL binary COPY, SQLite one prepared insert per table); the golden ID history and
/// redirects of the run are written in the same transaction, so they never disagree with the view.
/// </summary>
public sealed class ServingPublisher(ServingDatabase database, TimeProvider timeProvider)
{
    private static readonly string[] Tables = ["match_pair", "feed_status", "relationship", "family", "involvement", "source_record", "field_lineage", "person"];

    /// <summary>Called after each step of a publication with how long it took (for benchmarks and the run report).</summary>
    public Action<string, TimeSpan>? StepCompleted { get; init; }

    public async Task<long> PublishAsync(Publication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider != DatabaseProvider.Sqlite) return await WriteAsync(connection, publication, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(BulkLoadPragmas, cancellationToken: cancellationToken));
        try
        {
            return await WriteAsync(connection, publication, cancellationToken);
        }
        finally
        {
            // The pool keeps the handle, and its settings, for the next user of the database (in a long-running
            // host, for days): it should not keep a 64 MiB page cache and a sorter thread it no longer needs.
            await connection.ExecuteAsync(new CommandDefinition(OrdinaryPragmas, cancellationToken: CancellationToken.None));
        }
    }

    private async Task<long> WriteAsync(DbConnection connection, Publication publication, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name)
        {
            StepCompleted?.Invoke(name, clock.Elapsed);
            clock.Restart();
        }

        foreach (var table in Tables)
        {
            // Table names come from the constant list above, never from input.
            await connection.ExecuteAsync($"DELETE FROM {table}", transaction: transaction);
        }

        Step("delete previous publication");
        var deferred = database.Provider == DatabaseProvider.Sqlite
            ? await DeferredIndexes.DropAsync(connection, transaction, Tables, cancellationToken)
            : null;
        if (deferred is not null) Step("drop secondary indexes");

        // Pairs first: a caller may hand them over read-once (built on access, released after the last), and
        // their explanations need not be held while the larger tables are written.
        var (links, review) = await PublishedRows.PairsAsync(connection, transaction, publication.Pairs, cancellationToken);
        Step("match_pair");
        var goldenOf = new Dictionary<SourceRecordKey, string>(publication.SourceRecords.Count);
        foreach (var person in publication.People)
        {
            foreach (var member in person.Members) goldenOf[member] = person.GoldenId;
        }

        // Rows in primary-key order: each index grows at its end instead of splitting pages all over.
        var people = publication.People.ToArray();
        Array.Sort(people, (a, b) => string.CompareOrdinal(a.GoldenId, b.GoldenId));
        var records = publication.SourceRecords.ToArray();
        Array.Sort(records, (a, b) => a.Key.CompareTo(b.Key));
        Step("sort");
        await PublishedRows.PeopleAsync(connection, transaction, people, cancellationToken);
        Step("person");
        await PublishedRows.LineageAsync(connection, transaction, people, cancellationToken);
        Step("field_lineage");
        await PublishedRows.SourceRecordsAsync(connection, transaction, records, goldenOf, cancellationToken);
        Step("source_record");
        await PublishedRows.InvolvementsAsync(connection, transaction, records, goldenOf, cancellationToken);
        Step("involvement");
        await PublishedRows.FamiliesAsync(connection, transaction, publication, cancellationToken);
        Step("family and relationship");
        await PublishedRows.FeedsAsync(connection, transaction, publication.Feeds, cancellationToken);
        Step("feed_status");
        if (deferred is not null)
        {
            await deferred.CreateAsync(connection, transaction, cancellationToken);
            Step("create secondary indexes");
        }

        var now = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        if (publication.Identity is { } identity)
        {
            await GoldenIdHistoryWriter.WriteAsync(connection, transaction, publication.RunId, now, identity, cancellationToken);
            Step("golden_id_event and golden_id_redirect");
        }

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
                PublishedAt = now,
                SourceRecords = publication.SourceRecords.Count,
                GoldenRecords = publication.People.Count,
                Families = publication.Families.Count,
                Links = links,
                ReviewPairs = review,
            },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        Step("commit");
        return publicationId;
    }

    /// <summary>
    /// For this connection only: WAL is already on; NORMAL sync is durable at each WAL checkpoint and safe
    /// against corruption, a larger page cache (64 MiB: rows go in key order, so only the right-hand edge of
    /// each B-tree is hot; at a million records 256 MiB saved no CPU that could be seen and cost 190 MiB more) and a second
    /// sorter thread lets the other core help create the secondary indexes after the load.
    /// </summary>
    private const string BulkLoadPragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA threads=2;";

    /// <summary>SQLite's defaults for the settings above, except synchronous (NORMAL stays: durable at each checkpoint under WAL).</summary>
    private const string OrdinaryPragmas = "PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT; PRAGMA threads=0;";

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The search keys of a golden name: letters only, and their Soundex code.</summary>
    internal static (string Key, string Soundex) NameKeys(string? name)
    {
        var key = NameStandardiser.MatchKey(name);
        return (key, Soundex.Encode(key));
    }
}
