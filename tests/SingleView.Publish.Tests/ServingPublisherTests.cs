using Dapper;
using SingleView.Core.Model;

namespace SingleView.Publish.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ServingPublisherTests(DatabaseProvider provider)
{
    private static PersonRecord Record(string id, string first) => new()
    {
        Key = new SourceRecordKey("school", id),
        SourceSystem = "School census",
        ExtractDate = new DateOnly(2026, 11, 20),
        FirstName = first,
        FamilyName = "O'Brien",
        DateOfBirth = new DateOnly(2014, 5, 17),
        Involvement = new ServiceInvolvement { Service = Service.School, Organisation = "Anytown Primary", Details = new Dictionary<string, string> { ["school_urn"] = "100001" } },
    };

    private static GoldenRecord Golden(string goldenId, PersonRecord record) => new()
    {
        GoldenId = goldenId,
        Kind = PersonKind.Child,
        Members = [record.Key],
        Fields = new Dictionary<string, FieldLineage>
        {
            [StandardFields.FirstName] = new()
            {
                Field = StandardFields.FirstName,
                Chosen = new SourcedValue(record.FirstName!, record.Key, record.SourceSystem, record.ExtractDate),
                Rule = "source priority: school",
            },
        },
    };

    private static Publication Publication(string runId, params (string GoldenId, PersonRecord Record)[] people) => new()
    {
        RunId = runId,
        People = people.Select(p => Golden(p.GoldenId, p.Record)).ToList(),
        SourceRecords = people.Select(p => p.Record).ToList(),
        Families = [],
        Relationships = [],
        Feeds = [new PublishedFeed(new FeedCoverage { Feed = "school", SourceSystem = "School census", Service = Service.School, State = FeedState.Current, Rows = people.Length }, null, "Children Act 1989 s.17", "ISA-1", "Head of Education", 400)],
        Pairs = [],
    };

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var test = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();
        return test;
    }

    [Test]
    public async Task PublishAsync_Publication_WritesPeopleLineageRecordsAndInvolvements()
    {
        await using var test = await MigratedAsync(provider);

        await new ServingPublisher(test.Database, TimeProvider.System).PublishAsync(Publication("run1", ("P1", Record("1", "Ada"))));

        await using var connection = await test.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<string>("SELECT first_name_soundex FROM person WHERE golden_id = 'P1'")).ShouldBe("A300");
        (await connection.ExecuteScalarAsync<string>("SELECT rule FROM field_lineage WHERE golden_id = 'P1' AND field = 'first_name'")).ShouldBe("source priority: school");
        (await connection.ExecuteScalarAsync<string>("SELECT details FROM involvement WHERE record_id = '1'") ?? string.Empty).ShouldContain("100001");
        (await connection.ExecuteScalarAsync<string>("SELECT family_name FROM source_record WHERE record_id = '1'")).ShouldBe("O'Brien");
    }

    [Test]
    public async Task PublishAsync_RecordWithCityIdentifiersAndWarnings_WritesThemToItsSourceRecord()
    {
        await using var test = await MigratedAsync(provider);
        var record = Record("1", "Ada") with
        {
            City = "Winston Hills",
            Identifiers = [new NamedIdentifier("police_person_id", "PN 0042")],
            Warnings = ["date_of_birth: '19450493' is not a date in the declared format(s) yyyyMMdd (left empty)"],
        };

        await new ServingPublisher(test.Database, TimeProvider.System).PublishAsync(Publication("run1", ("P1", record), ("P2", Record("2", "Bea"))));

        await using var connection = await test.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string RecordId, string? City, string Identifiers, string Warnings)>(
            "SELECT record_id, city, identifiers, warnings FROM source_record ORDER BY record_id")).ToList();
        rows[0].City.ShouldBe("Winston Hills");
        System.Text.Json.JsonDocument.Parse(rows[0].Identifiers).RootElement[0].GetProperty("value").GetString().ShouldBe("PN 0042");
        System.Text.Json.JsonSerializer.Deserialize<string[]>(rows[0].Warnings).ShouldBe(record.Warnings);
        rows[1].ShouldBe(("2", null, "[]", "[]"));
    }

    [Test]
    public async Task PublishAsync_SecondPublication_ReplacesTheFirst()
    {
        await using var test = await MigratedAsync(provider);
        var publisher = new ServingPublisher(test.Database, TimeProvider.System);
        await publisher.PublishAsync(Publication("run1", ("P1", Record("1", "Ada"))));

        var second = await publisher.PublishAsync(Publication("run2", ("P2", Record("2", "Ben"))));

        await using var connection = await test.Database.OpenAsync();
        (await connection.QueryAsync<string>("SELECT golden_id FROM person")).ShouldBe(["P2"]);
        second.ShouldBe(2);
    }

    [Test]
    public async Task PublishAsync_FailsHalfWay_PreviousPublicationStaysWhole()
    {
        await using var test = await MigratedAsync(provider);
        var publisher = new ServingPublisher(test.Database, TimeProvider.System);
        await publisher.PublishAsync(Publication("run1", ("P1", Record("1", "Ada"))));
        // Two golden records claiming one source record: the second insert breaks the primary key.
        var broken = Publication("run2", ("P2", Record("2", "Ben"))) with { SourceRecords = [Record("2", "Ben"), Record("2", "Ben")] };

        await Should.ThrowAsync<Exception>(() => publisher.PublishAsync(broken));

        await using var connection = await test.Database.OpenAsync();
        (await connection.QueryAsync<string>("SELECT golden_id FROM person")).ShouldBe(["P1"]);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM source_record")).ShouldBe(1);
    }
}
