using Npgsql;
using SingleView.Publish;
using SingleView.Serve.Audit;
using SingleView.Tests.Shared;

namespace SingleView.Cli.Tests.Audit;

/// <summary><c>singleview audit verify</c> and <c>audit report</c> on a real serving database, SQLite and PostgreSQL.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AuditCommandTests(DatabaseProvider provider)
{
    private string folder = string.Empty;
    private string? postgresServer;
    private string postgresName = string.Empty;
    private ServingDatabase database = null!;
    private string databaseArgument = string.Empty;

    [SetUp]
    public async Task CreateAsync()
    {
        folder = Directory.CreateTempSubdirectory("singleview-audit-").FullName;
        if (provider == DatabaseProvider.PostgreSql)
        {
            postgresServer = TestServers.PostgreSqlConnectionString();
            postgresName = $"audit_cli_{Guid.NewGuid():N}";
            await OnServerAsync($"CREATE DATABASE {postgresName}");
            databaseArgument = new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName }.ConnectionString;
            database = ServingDatabase.PostgreSql(databaseArgument);
        }
        else
        {
            databaseArgument = Path.Combine(folder, "serving.db");
            database = ServingDatabase.Sqlite(databaseArgument);
        }

        await new MigrationRunner(database, TimeProvider.System).ApplyAsync();
        await using var log = new AuditLog(database, TimeProvider.System);
        await log.RecordAsync(new AuditDraft("sub-a", "Sam Worker", "social_worker", AuditActions.Search, null, null, """{"name":"<b>Smith</b>"}""", null, 2));
        await log.RecordAsync(new AuditDraft("sub-a", "Sam Worker", "social_worker", AuditActions.View, "G-1", "G-1", null, null, null));
        await log.RecordAsync(new AuditDraft("sub-b", "Pat Officer", "police", AuditActions.View, "G-1", "G-OLD", null, "S47 enquiry", null));
        await log.RecordAsync(new AuditDraft("sub-b", "Pat Officer", "police", AuditActions.View, "G-2", "G-2", null, "S47 enquiry", null));
    }

    [TearDown]
    public async Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresServer is not null && postgresName.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }

        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Verify_UntouchedLog_ExitsZeroSayingIntact()
    {
        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(0);
        output.ShouldContain("Access log intact: 4 entries checked.");
    }

    [Test]
    public async Task Verify_ChangedEntry_ExitsOneNamingIt()
    {
        await ExecuteAsync("UPDATE audit_entry SET purpose = 'nothing to see' WHERE sequence = 3");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("changed: entry 3 was changed");
    }

    [Test]
    public async Task Verify_DeletedEntry_ExitsOneNamingIt()
    {
        await ExecuteAsync("DELETE FROM audit_entry WHERE sequence = 2");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("deleted: entry 2 is missing");
    }

    [Test]
    public async Task Verify_DeletedLastEntry_ExitsOneNamingIt()
    {
        await ExecuteAsync("DELETE FROM audit_entry WHERE sequence = 4");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("deleted: entry 4 at the end is missing");
    }

    [Test]
    public async Task Verify_ReorderedEntries_ExitsOneNamingThem()
    {
        await ExecuteAsync("UPDATE audit_entry SET sequence = -1 WHERE sequence = 2");
        await ExecuteAsync("UPDATE audit_entry SET sequence = 2 WHERE sequence = 3");
        await ExecuteAsync("UPDATE audit_entry SET sequence = 3 WHERE sequence = -1");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("reordered: entry 2 is out of order");
    }

    [Test]
    public async Task Verify_LastEntriesDeletedAndTheHeadMovedBack_ExitsOneNamingThem()
    {
        (await RunAsync("audit", "verify")).Exit.ShouldBe(0);
        await ExecuteAsync("DELETE FROM audit_entry WHERE sequence > 2");
        await ExecuteAsync("UPDATE audit_head SET last_sequence = 2, last_hash = (SELECT hash FROM audit_entry WHERE sequence = 2)");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("deleted: entries 3 to 4 at the end are missing");
    }

    [Test]
    public async Task Verify_EveryEntryAndTheHeadDeleted_ExitsOne()
    {
        (await RunAsync("audit", "verify")).Exit.ShouldBe(0);
        await ExecuteAsync("DELETE FROM audit_entry");
        await ExecuteAsync("DELETE FROM audit_head");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("the access log is empty");
        output.ShouldNotContain("Access log intact");
    }

    [Test]
    public async Task Verify_EntriesCutFromTheEndAfterAPublish_ExitsOne()
    {
        var authority = Path.Combine(folder, "authority");
        (await RunAsync("samples", "generate", "--children", "20", "--seed", "3", "--out", authority, "--extract-date", "2026-11-20")).Exit.ShouldBe(0);
        (await RunAsync("refresh", "--config", RepositoryRoot.Config, "--pipelines", RepositoryRoot.Pipelines, "--drops", Path.Combine(authority, "drops"))).Exit.ShouldBeOneOf(0, 3);
        await ExecuteAsync("DELETE FROM audit_entry WHERE sequence = 4");
        await ExecuteAsync("UPDATE audit_head SET last_sequence = 3, last_hash = (SELECT hash FROM audit_entry WHERE sequence = 3)");

        var (exit, output, _) = await RunAsync("audit", "verify");

        exit.ShouldBe(1);
        output.ShouldContain("deleted: entry 4 at the end is missing");
        output.ShouldContain("(publish)");
    }

    [Test]
    public async Task Verify_WitnessKeptElsewhere_RecordsTheHeadThere()
    {
        var elsewhere = Path.Combine(folder, "elsewhere", "witness.json");

        (await RunAsync("audit", "verify", "--audit-witness", elsewhere)).Exit.ShouldBe(0);

        var witness = AccessLogWitness.Read(elsewhere).ShouldNotBeNull();
        witness.Entries.ShouldBe(4);
        witness.RecordedBy.ShouldBe("verify");
    }

    [Test]
    public async Task Report_Person_ListsEveryLookWithRoleAndPurpose()
    {
        var (exit, output, _) = await RunAsync("audit", "report", "--person", "G-1");

        exit.ShouldBe(0);
        output.ShouldContain("2 look(s) at G-1");
        output.ShouldContain("Sam Worker (sub-a)\tsocial_worker\tG-1\t-");
        output.ShouldContain("Pat Officer (sub-b)\tpolice\tG-1\tS47 enquiry");
        output.ShouldNotContain("G-2");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // A data folder of the test's own: on PostgreSQL the witness defaults to <data>/singleview.audit-witness.json.
        var exit = await CommandLine.RunAsync([.. args, "--database", databaseArgument, "--data", Path.Combine(folder, "data")], TimeProvider.System, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Tampers where the log is: its own file beside a SQLite serving database, the serving database on PostgreSQL.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await AccessLogFile.For(database).OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task OnServerAsync(string sql)
    {
        // The database name is generated from a GUID above; CREATE/DROP DATABASE take no parameters.
        await using var connection = new NpgsqlConnection(postgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
