using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Core.Model;
using SingleView.Publish;
using SingleView.Publish.Decisions;
using SingleView.Refresh;
using SingleView.Serve.Audit;
using SingleView.Serve.Quality;
using SingleView.Serve.Workbench;
using SingleView.Tests.Shared;

namespace SingleView.Serve.Tests.Workbench;

/// <summary>
/// A workbench decision over real nightly refreshes of the committed sample authority, with the police
/// extract changing every night (a nominal dropped, a new one added, an address changed).
/// </summary>
public sealed class DecisionRefreshTests
{
    private string folder = null!;

    [SetUp]
    public void CopySamples()
    {
        folder = Directory.CreateTempSubdirectory("singleview-workbench-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Samples, "drops"), "*.csv", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, "drops", Path.GetRelativePath(Path.Combine(RepositoryRoot.Samples, "drops"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void Remove()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private RefreshOptions Options => new()
    {
        DataDirectory = Path.Combine(folder, "data"),
        ConfigDirectory = RepositoryRoot.Config,
        PipelinesDirectory = RepositoryRoot.Pipelines,
        DropRoot = Path.Combine(folder, "drops"),
    };

    private static Support.FixedTimeProvider Night(int night) => new Support.FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero).AddDays(night));

    private static Task<RefreshReport> RefreshAsync(RefreshOptions options, int night) => new NightlyRefresh(Night(night), NullLoggerFactory.Instance).RunAsync(options);

    [Test]
    public async Task Decide_DifferentOnALinkedPair_HoldsOverThreeChangingNightsAndUndoRestoresTheLink()
    {
        var options = Options;
        await RefreshAsync(options, 0);
        var database = options.ResolvedDatabase;
        var (left, right) = await LinkedPairOutsidePoliceAsync(database);
        var pair = PairKeys.Of(left, right);
        await using var audit = new AuditLog(database, Night(0));
        var decisions = new WorkbenchDecisions(database, new SteppingTimeProvider(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)), audit);
        var officer = WorkbenchTestData.Officer("ann");
        var decided = (DecisionOutcome.Done)await decisions.DecideAsync(pair, MatchDecisionKind.Different, "different people: checked with the school", PairKeys.NoDecision, officer, default);

        for (var night = 1; night <= 3; night++)
        {
            var police = ChangePolice(night);
            var report = await RefreshAsync(options, night);

            report.CannotLinkDecisions.ShouldBe(1, $"night {night}");
            var membership = await MembershipAsync(database);
            membership[left].ShouldNotBe(membership[right], $"night {night}");
            membership.ShouldContainKey(new SourceRecordKey("police", police.Added), $"night {night}: the new nominal was published");
            membership.ShouldNotContainKey(new SourceRecordKey("police", police.Dropped), $"night {night}: the dropped nominal is gone");
        }

        (await decisions.UndoAsync(pair, decided.LiveDecisionId, officer, default)).ShouldBeOfType<DecisionOutcome.Done>();
        var afterUndo = await RefreshAsync(options, 4);

        afterUndo.CannotLinkDecisions.ShouldBe(0);
        var restored = await MembershipAsync(database);
        restored[left].ShouldBe(restored[right]);

        // The lake of these nights is also what the quality report reads: one delivery per night of police.
        var quality = await new QualityReports(database, options.LakeDirectory).ForFeedAsync("police", default);
        quality.Deliveries.Count.ShouldBe(4);
        quality.Deliveries.ShouldAllBe(d => d.Records > 0 && !d.Held);
        quality.LinkedToOtherFeeds.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task UnmatchedRecords_PoliceChildrenLinkedToNobody_ListedWithScoredCandidatesAndReasons()
    {
        var options = Options;
        await RefreshAsync(options, 0);
        var settings = new WorkbenchSettings
        {
            ConfigDirectory = RepositoryRoot.Config,
            ExpectedLinks = new Dictionary<string, ExpectedLink> { ["police"] = new(["school", "lcs", "ehm", "health"], ChildrenOnly: true) },
        };

        var feeds = await new UnmatchedRecords(options.ResolvedDatabase, settings).ListAsync(100, default);

        var police = feeds.ShouldHaveSingleItem();
        police.Records.ShouldNotBeEmpty();
        var membership = await MembershipAsync(options.ResolvedDatabase);
        foreach (var record in police.Records)
        {
            SourceRecordKey.TryParse(record.Record, out var key).ShouldBeTrue();
            membership.Count(m => m.Value == membership[key]).ShouldBe(1, $"{record.Record} is linked to nobody");
            record.Candidates.Count.ShouldBeLessThanOrEqualTo(settings.Candidates);
            record.Candidates.ShouldAllBe(c => c.WhyNotLinked.Length > 0 && !c.Record.StartsWith("police:"));
            record.Candidates.Select(c => c.MatchWeight).ShouldBeInOrder(SortDirection.Descending);
        }

        police.Records.ShouldContain(r => r.Candidates.Count > 0);
    }

    /// <summary>Tonight's police extract: last night's less one nominal, plus a new one, with one address changed.</summary>
    private (string Dropped, string Added) ChangePolice(int night)
    {
        var policeFolder = Path.Combine(folder, "drops", "police");
        var latest = Directory.EnumerateFiles(policeFolder, "police_*.csv").Order(StringComparer.Ordinal).Last();
        var lines = File.ReadAllLines(latest, Encoding.UTF8).ToList();
        var dropped = lines[1 + night];
        lines.RemoveAt(1 + night);
        var changed = lines[10].Split('|');
        changed[6] = $"{night} CHANGED STREET, NORTHBROOK";
        lines[10] = string.Join('|', changed);
        var added = lines[20].Split('|');
        added[0] = $"NM9{night:000000}";
        added[2] = "NEWFORENAME" + (char)('A' + night);
        lines.Add(string.Join('|', added));
        File.WriteAllLines(Path.Combine(policeFolder, $"police_{new DateOnly(2026, 11, 20).AddDays(night):yyyyMMdd}.csv"), lines, new UTF8Encoding(false));
        return (dropped.Split('|')[0], added[0]);
    }

    private static async Task<(SourceRecordKey Left, SourceRecordKey Right)> LinkedPairOutsidePoliceAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QueryFirstAsync<(string FeedA, string RecordA, string FeedB, string RecordB)>(
            """
            SELECT m.feed_a, m.record_a, m.feed_b, m.record_b FROM match_pair m
            JOIN source_record a ON a.feed = m.feed_a AND a.record_id = m.record_a
            WHERE m.decision = 'link' AND m.feed_a <> 'police' AND m.feed_b <> 'police'
              AND (SELECT COUNT(*) FROM source_record s WHERE s.golden_id = a.golden_id) = 2
            ORDER BY m.feed_a, m.record_a, m.feed_b, m.record_b
            """);
        return (new SourceRecordKey(row.FeedA, row.RecordA), new SourceRecordKey(row.FeedB, row.RecordB));
    }

    private static async Task<Dictionary<SourceRecordKey, string>> MembershipAsync(ServingDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Feed, string RecordId, string GoldenId)>("SELECT feed, record_id, golden_id FROM source_record");
        return rows.ToDictionary(r => new SourceRecordKey(r.Feed, r.RecordId), r => r.GoldenId);
    }
}
