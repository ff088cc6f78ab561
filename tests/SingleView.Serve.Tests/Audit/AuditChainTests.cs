using SingleView.Publish;
using SingleView.Serve.Audit;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Audit;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AuditChainTests(DatabaseProvider provider)
{
    private TestDatabase database = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        if (provider == DatabaseProvider.PostgreSql) SingleView.Tests.Shared.TestServers.PostgreSqlConnectionString();
        database = await TestDatabase.CreateAsync(provider);
        await using var log = new AuditLog(database.Database, new FixedTimeProvider(SampleData.Today));
        for (var i = 1; i <= 5; i++)
        {
            await log.RecordAsync(new AuditDraft("sub-1", "Sam Worker", "social_worker", AuditActions.View, $"G-{i}", $"G-{i}", null, null, null));
        }
    }

    [TearDown]
    public void Drop() => database?.Dispose();

    [Test]
    public async Task Verify_UntouchedLog_IsIntact()
    {
        var result = await AuditVerifier.VerifyAsync(database.Database);

        result.Intact.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        result.EntriesChecked.ShouldBe(5);
    }

    [Test]
    public async Task Verify_ChangedEntry_ReportsItChanged()
    {
        await ExecuteOnLogAsync("UPDATE audit_entry SET golden_id = 'G-99' WHERE sequence = 3", new { });

        var problem = (await AuditVerifier.VerifyAsync(database.Database)).Problems.ShouldHaveSingleItem();

        problem.Kind.ShouldBe(AuditProblemKind.Changed);
        problem.Sequence.ShouldBe(3);
    }

    [Test]
    public async Task Verify_ChangedEntryWithRecomputedHash_ReportsBrokenLinkAtNextEntry()
    {
        var entry = await OneAsync(3);
        var forged = entry with { GoldenId = "G-99" };
        await ExecuteOnLogAsync("UPDATE audit_entry SET golden_id = 'G-99', hash = @Hash WHERE sequence = 3", new { Hash = AuditHash.Of(forged) });

        var problem = (await AuditVerifier.VerifyAsync(database.Database)).Problems.ShouldHaveSingleItem();

        problem.Sequence.ShouldBe(4);
        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
    }

    [Test]
    public async Task Verify_DeletedMiddleEntry_ReportsItMissing()
    {
        await ExecuteOnLogAsync("DELETE FROM audit_entry WHERE sequence = 2", new { });

        var problem = (await AuditVerifier.VerifyAsync(database.Database)).Problems.ShouldHaveSingleItem();

        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
        problem.Sequence.ShouldBe(2);
        problem.Message.ShouldContain("entry 2 is missing");
    }

    [Test]
    public async Task Verify_DeletedLastEntry_ReportsItMissing()
    {
        await ExecuteOnLogAsync("DELETE FROM audit_entry WHERE sequence = 5", new { });

        var problem = (await AuditVerifier.VerifyAsync(database.Database)).Problems.ShouldHaveSingleItem();

        problem.Kind.ShouldBe(AuditProblemKind.Deleted);
        problem.Sequence.ShouldBe(5);
    }

    [Test]
    public async Task Verify_SwappedEntries_ReportsReordered()
    {
        await ExecuteOnLogAsync("UPDATE audit_entry SET sequence = -1 WHERE sequence = 2", new { });
        await ExecuteOnLogAsync("UPDATE audit_entry SET sequence = 2 WHERE sequence = 3", new { });
        await ExecuteOnLogAsync("UPDATE audit_entry SET sequence = 3 WHERE sequence = -1", new { });

        var problems = (await AuditVerifier.VerifyAsync(database.Database)).Problems;

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Kind == AuditProblemKind.Reordered);
        problems[0].Sequence.ShouldBe(2);
    }

    [Test]
    public async Task Record_ManyConcurrentRequests_KeepOneUnbrokenChain()
    {
        await using (var log = new AuditLog(database.Database, new FixedTimeProvider(SampleData.Today)))
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                log.RecordAsync(new AuditDraft($"sub-{i}", "User", "police", AuditActions.Search, null, null, "{\"name\":\"x\"}", null, i))));
        }

        var result = await AuditVerifier.VerifyAsync(database.Database);

        result.Intact.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        result.EntriesChecked.ShouldBe(205);
    }

    [Test]
    public async Task Record_SecondLogOverSameDatabase_ContinuesTheChain()
    {
        await using (var other = new AuditLog(database.Database, new FixedTimeProvider(SampleData.Today)))
        {
            (await other.RecordAsync(new AuditDraft("sub-2", "Other", "health", AuditActions.View, "G-1", "G-1", null, null, null))).Sequence.ShouldBe(6);
        }

        (await AuditVerifier.VerifyAsync(database.Database)).Intact.ShouldBeTrue();
    }

    /// <summary>Tampering goes where the log is: its own file beside a SQLite serving database, the serving database on PostgreSQL.</summary>
    private async Task ExecuteOnLogAsync(string sql, object parameters)
    {
        await using var connection = await AccessLogFile.For(database.Database).OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    private async Task<AuditEntry> OneAsync(long sequence)
    {
        await foreach (var entry in AuditStore.AllAsync(database.Database, CancellationToken.None))
        {
            if (entry.Sequence == sequence) return entry;
        }

        throw new InvalidOperationException($"no entry {sequence}");
    }
}
