using Dapper;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;

namespace SingleView.Refresh.Tests;

/// <summary>Golden IDs and people's decisions over several nights of changing deliveries.</summary>
public class GoldenIdentityRefreshTests
{
    [Test]
    public async Task RunAsync_NightsWithRecordsComingGoingAndChanging_PeopleKeepTheirIds()
    {
        using var authority = new Authority();
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);
        var before = await MembershipAsync(options.ResolvedDatabase);
        var issued = new HashSet<string>(before.Values);

        for (var night = 1; night <= 3; night++)
        {
            Deliveries.WriteNight(authority.Drops, night);
            var report = await Authority.Refresh(night).RunAsync(options);

            var after = await MembershipAsync(options.ResolvedDatabase);
            var redirects = await RedirectsAsync(options.ResolvedDatabase);
            var movedOut = await RecordsOfEventsAsync(options.ResolvedDatabase, report.RunId, "split", "records_removed");
            var kept = before.Keys.Where(after.ContainsKey).ToList();
            var changed = kept.Where(k => after[k] != before[k]).ToList();
            foreach (var key in changed)
            {
                var explained = (redirects.TryGetValue(before[key], out var to) && to == after[key]) || movedOut.Contains(key.ToString());
                explained.ShouldBeTrue($"night {night}: {key} moved from {before[key]} to {after[key]} without a redirect or history event");
            }

            ((double)changed.Count / kept.Count).ShouldBeLessThan(0.02, $"night {night}");
            var created = await IdsOfEventsAsync(options.ResolvedDatabase, report.RunId, "created");
            created.ShouldAllBe(id => !issued.Contains(id), $"night {night}: an ID was issued twice");
            report.GoldenIds.KeptWithChanges.ShouldBeGreaterThan(0);
            issued.UnionWith(after.Values);
            before = after;
        }
    }

    [Test]
    public async Task RunAsync_DifferentDecisionOnLinkedPair_KeptApartOverThreeLaterRefreshes()
    {
        using var authority = new Authority();
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);
        var (left, right, goldenId) = await LinkedPairOfTwoAsync(options.ResolvedDatabase);
        await new MatchDecisionStore(options.ResolvedDatabase, Authority.Clock()).RecordAsync(left, right, MatchDecisionKind.Different, "different people: checked with the school", "a.officer", "data-quality");

        for (var night = 1; night <= 3; night++)
        {
            Deliveries.WriteNight(authority.Drops, night, leaveOutEvery: 100_000);
            var report = await Authority.Refresh(night).RunAsync(options);

            var membership = await MembershipAsync(options.ResolvedDatabase);
            membership[left].ShouldNotBe(membership[right], $"night {night}");
            report.CannotLinkDecisions.ShouldBe(1);
            if (night == 1)
            {
                // An even split: the part with the ordinally smaller record keeps the ID; the other is new.
                var smaller = string.CompareOrdinal(left.ToString(), right.ToString()) < 0 ? left : right;
                var other = smaller == left ? right : left;
                membership[smaller].ShouldBe(goldenId);
                (await IdsOfEventsAsync(options.ResolvedDatabase, report.RunId, "split_from")).ShouldContain(membership[other]);
            }
        }
    }

    [Test]
    public async Task RunAsync_SameDecisionOnUnlinkedRecords_KeptTogetherAndTheRetiredIdRedirects()
    {
        using var authority = new Authority();
        var options = authority.Options();
        await Authority.Refresh().RunAsync(options);
        var (school, police) = await TwoSingletonsAsync(options.ResolvedDatabase);
        var before = await MembershipAsync(options.ResolvedDatabase);
        await new MatchDecisionStore(options.ResolvedDatabase, Authority.Clock()).RecordAsync(school, police, MatchDecisionKind.Same, "same child: confirmed by the social worker", "a.officer", "data-quality");

        for (var night = 1; night <= 2; night++)
        {
            Deliveries.WriteNight(authority.Drops, night, leaveOutEvery: 100_000);
            await Authority.Refresh(night).RunAsync(options);

            var membership = await MembershipAsync(options.ResolvedDatabase);
            membership[school].ShouldBe(membership[police], $"night {night}");
        }

        var survivor = (await MembershipAsync(options.ResolvedDatabase))[school];
        var retired = before[school] == survivor ? before[police] : before[school];
        (await RedirectsAsync(options.ResolvedDatabase))[retired].ShouldBe(survivor);
    }

    [Test]
    public async Task RunAsync_TwiceInOneSecond_TwoRunIds()
    {
        using var authority = new Authority(children: 20);
        var options = authority.Options();

        var first = await Authority.Refresh().RunAsync(options);
        var second = await Authority.Refresh().RunAsync(options);

        second.RunId.ShouldNotBe(first.RunId);
    }

    [Test]
    public async Task RunAsync_Report_RowsInAndOutPerFeed()
    {
        using var authority = new Authority(children: 100);

        var report = await Authority.Refresh().RunAsync(authority.Options());

        report.FeedRuns.Count.ShouldBe(report.Feeds.Count);
        report.FeedRuns.ShouldAllBe(f => f.RowsIn == f.RowsOut + f.Quarantined);
        report.FeedRuns.Sum(f => f.RowsOut).ShouldBe(report.SourceRecords);
        report.FeedRuns.Sum(f => f.Linked).ShouldBeGreaterThan(0);
        report.GoldenIds.Created.ShouldBe(report.GoldenRecords);
    }

    private static async Task<Dictionary<SourceRecordKey, string>> MembershipAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Feed, string RecordId, string GoldenId)>("SELECT feed, record_id, golden_id FROM source_record");
        return rows.ToDictionary(r => new SourceRecordKey(r.Feed, r.RecordId), r => r.GoldenId);
    }

    private static async Task<Dictionary<string, string>> RedirectsAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Old, string New)>("SELECT old_golden_id, new_golden_id FROM golden_id_redirect");
        return rows.ToDictionary(r => r.Old, r => r.New);
    }

    private static async Task<HashSet<string>> RecordsOfEventsAsync(ServingDatabase database, string runId, params string[] events)
    {
        await using var connection = await database.OpenAsync();
        var lists = await connection.QueryAsync<(string Event, string Records)>("SELECT event, source_records FROM golden_id_event WHERE run_id = @RunId", new { RunId = runId });
        return lists.Where(l => events.Contains(l.Event)).SelectMany(l => System.Text.Json.JsonSerializer.Deserialize<string[]>(l.Records)!).ToHashSet();
    }

    private static async Task<List<string>> IdsOfEventsAsync(ServingDatabase database, string runId, string kind)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT golden_id FROM golden_id_event WHERE run_id = @RunId AND event = @Kind", new { RunId = runId, Kind = kind })).ToList();
    }

    /// <summary>A person made of exactly two records joined by a link the matcher made.</summary>
    private static async Task<(SourceRecordKey Left, SourceRecordKey Right, string GoldenId)> LinkedPairOfTwoAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QueryFirstAsync<(string FeedA, string RecordA, string FeedB, string RecordB, string GoldenId)>(
            """
            SELECT m.feed_a, m.record_a, m.feed_b, m.record_b, a.golden_id
            FROM match_pair m
            JOIN source_record a ON a.feed = m.feed_a AND a.record_id = m.record_a
            JOIN source_record b ON b.feed = m.feed_b AND b.record_id = m.record_b
            WHERE m.decision = 'link' AND a.golden_id = b.golden_id
              AND (SELECT COUNT(*) FROM source_record s WHERE s.golden_id = a.golden_id) = 2
            ORDER BY m.feed_a, m.record_a, m.feed_b, m.record_b
            """);
        return (new SourceRecordKey(row.FeedA, row.RecordA), new SourceRecordKey(row.FeedB, row.RecordB), row.GoldenId);
    }

    /// <summary>A school pupil and a police nominal who are each a person on their own.</summary>
    private static async Task<(SourceRecordKey School, SourceRecordKey Police)> TwoSingletonsAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        async Task<SourceRecordKey> SingletonAsync(string feed) => new(feed, await connection.QueryFirstAsync<string>(
            """
            SELECT s.record_id FROM source_record s
            WHERE s.feed = @Feed AND (SELECT COUNT(*) FROM source_record o WHERE o.golden_id = s.golden_id) = 1
            ORDER BY s.record_id
            """,
            new { Feed = feed }));
        return (await SingletonAsync("school"), await SingletonAsync("police"));
    }
}
