using Dapper;
using SingleView.Core.Model;

namespace SingleView.Publish.Tests;

/// <summary>SQLite only: the page size a new serving database gets, and the settings a publish leaves behind.</summary>
public class SqliteBulkLoadTests
{
    private static Publication OnePerson()
    {
        var record = new PersonRecord { Key = new SourceRecordKey("school", "1"), SourceSystem = "School census", ExtractDate = new DateOnly(2026, 11, 20), FirstName = "Ada" };
        return new Publication
        {
            RunId = "run1",
            People = [new GoldenRecord { GoldenId = "P1", Kind = PersonKind.Child, Members = [record.Key], Fields = new Dictionary<string, FieldLineage>() }],
            SourceRecords = [record],
            Families = [],
            Relationships = [],
            Feeds = [],
            Pairs = [],
        };
    }

    [Test]
    public async Task OpenAsync_NewDatabase_Has16KiBPages()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await using var connection = await test.Database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE probe (id INTEGER)");

        (await connection.ExecuteScalarAsync<long>("PRAGMA page_size")).ShouldBe(16384);
    }

    [Test]
    public async Task PublishAsync_Sqlite_LeavesThePooledConnectionWithTheDefaultPageCache()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();

        await new ServingPublisher(test.Database, TimeProvider.System).PublishAsync(OnePerson());

        // The pool hands back the handle the publish used (one connection at a time here).
        await using var connection = await test.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("PRAGMA cache_size")).ShouldBe(-2000);
        (await connection.ExecuteScalarAsync<long>("PRAGMA threads")).ShouldBe(0);
    }
}
