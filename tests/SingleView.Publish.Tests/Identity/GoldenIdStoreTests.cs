using Dapper;
using SingleView.Core.Model;
using SingleView.Golden.Identity;
using SingleView.Publish.Identity;

namespace SingleView.Publish.Tests.Identity;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class GoldenIdStoreTests(DatabaseProvider provider)
{
    private static PersonRecord Record(string id) => new() { Key = new SourceRecordKey("school", id), SourceSystem = "School census", ExtractDate = new DateOnly(2026, 11, 20), FirstName = "Ada" };

    private static Publication Publication(string runId, GoldenIdAssignment identity, params (string GoldenId, string[] RecordIds)[] people) => new()
    {
        RunId = runId,
        People = people.Select(p => new GoldenRecord
        {
            GoldenId = p.GoldenId,
            Kind = PersonKind.Child,
            Members = p.RecordIds.Select(r => new SourceRecordKey("school", r)).ToList(),
            Fields = new Dictionary<string, FieldLineage>(),
        }).ToList(),
        SourceRecords = people.SelectMany(p => p.RecordIds).Select(Record).ToList(),
        Families = [],
        Relationships = [],
        Feeds = [],
        Pairs = [],
        Identity = identity,
    };

    private static IReadOnlyList<SourceRecordKey>[] Clusters(params string[][] clusters) =>
        clusters.Select(c => (IReadOnlyList<SourceRecordKey>)c.Select(r => new SourceRecordKey("school", r)).ToList()).ToArray();

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var test = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(test.Database, TimeProvider.System).ApplyAsync();
        return test;
    }

    /// <summary>One night: read the history, assign, publish with the history written in the same transaction.</summary>
    private static async Task<GoldenIdAssignment> NightAsync(ServingDatabase database, string runId, params string[][] clusters)
    {
        var store = new GoldenIdStore(database);
        var assignment = GoldenIdAssigner.Assign(Clusters(clusters), await store.LoadHistoryAsync());
        var people = clusters.Select((c, i) => (assignment.Ids[i], c)).ToArray();
        await new ServingPublisher(database, TimeProvider.System).PublishAsync(Publication(runId, assignment, people));
        return assignment;
    }

    [Test]
    public async Task LoadHistoryAsync_AfterAPublication_MembershipAndIssuedIds()
    {
        await using var test = await MigratedAsync(provider);
        var first = await NightAsync(test.Database, "night1", ["1", "2"], ["3"]);

        var history = await new GoldenIdStore(test.Database).LoadHistoryAsync();

        history.Membership[new SourceRecordKey("school", "2")].ShouldBe(first.Ids[0]);
        history.Issued[first.Ids[1]].ShouldBe("night1");
    }

    [Test]
    public async Task PublishAsync_Merge_RedirectWrittenAndResolvable()
    {
        await using var test = await MigratedAsync(provider);
        var first = await NightAsync(test.Database, "night1", ["1", "2"], ["3"]);

        var second = await NightAsync(test.Database, "night2", ["1", "2", "3"]);

        second.Ids.Single().ShouldBe(first.Ids[0]);
        (await new GoldenIdStore(test.Database).ResolveAsync(first.Ids[1])).ShouldBe(first.Ids[0]);
        var events = await new GoldenIdStore(test.Database).EventsAsync(first.Ids[1]);
        events.Select(e => e.Event).ShouldBe(["created", "merged_into"]);
        events[1].RelatedGoldenId.ShouldBe(first.Ids[0]);
        events[1].SourceRecords.ShouldBe("[\"school:3\"]");
    }

    [Test]
    public async Task PublishAsync_SeveralEventsForOneIdInARun_NumberedInOrder()
    {
        await using var test = await MigratedAsync(provider);
        var first = await NightAsync(test.Database, "night1", ["1", "2", "3"], ["4"]);

        // Record 1 splits off, person 4 merges in, record 5 is new: three events for the surviving ID.
        await NightAsync(test.Database, "night2", ["1"], ["2", "3", "4", "5"]);

        await using var connection = await test.Database.OpenAsync();
        var sequences = (await connection.QueryAsync<long>(
            "SELECT sequence FROM golden_id_event WHERE run_id = 'night2' AND golden_id = @Id ORDER BY sequence", new { Id = first.Ids[0] })).ToList();
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(i => (long)i).ToList());
        sequences.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task UnusedRunIdAsync_RunIdAlreadyPublished_NextSuffix()
    {
        await using var test = await MigratedAsync(provider);
        await NightAsync(test.Database, "20261121T020000Z", ["1"]);

        (await new GoldenIdStore(test.Database).UnusedRunIdAsync("20261121T020000Z")).ShouldBe("20261121T020000Z-2");
    }

    [Test]
    public async Task PublishAsync_FailsHalfWay_NoHistoryWritten()
    {
        await using var test = await MigratedAsync(provider);
        await NightAsync(test.Database, "night1", ["1"], ["2"]);
        var store = new GoldenIdStore(test.Database);
        var assignment = GoldenIdAssigner.Assign(Clusters(["1", "2"]), await store.LoadHistoryAsync());
        var broken = Publication("night2", assignment, (assignment.Ids[0], ["1", "2"])) with { SourceRecords = [Record("1"), Record("1")] };

        await Should.ThrowAsync<Exception>(() => new ServingPublisher(test.Database, TimeProvider.System).PublishAsync(broken));

        await using var connection = await test.Database.OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM golden_id_redirect")).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM golden_id_event WHERE run_id = 'night2'")).ShouldBe(0);
    }
}
