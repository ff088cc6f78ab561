using Microsoft.Data.Sqlite;
using SingleView.Publish;
using SingleView.Serve.Audit;

namespace SingleView.Cli.Tests.Audit;

/// <summary>
/// <c>singleview audit</c> on a SQLite serving file made before the access log had a file of its own: the first
/// command moves the log beside it and reads it there.
/// </summary>
public sealed class AuditMoveCommandTests
{
    private string folder = string.Empty;
    private string servingPath = string.Empty;

    [SetUp]
    public async Task CreateAsync()
    {
        folder = Directory.CreateTempSubdirectory("singleview-audit-move-").FullName;
        servingPath = Path.Combine(folder, "singleview.db");
        await new MigrationRunner(ServingDatabase.Sqlite(servingPath), TimeProvider.System).ApplyAsync();

        // An older build wrote its log into the serving file's own tables: make one elsewhere and copy it in.
        var elsewhere = ServingDatabase.Sqlite(Path.Combine(folder, "elsewhere.db"));
        await new MigrationRunner(elsewhere, TimeProvider.System).ApplyAsync();
        await using (var log = new AuditLog(elsewhere, TimeProvider.System))
        {
            await log.RecordAsync(new AuditDraft("sub-a", "Sam Worker", "social_worker", AuditActions.View, "G-1", "G-1", null, null, null));
            await log.RecordAsync(new AuditDraft("sub-b", "Pat Officer", "police", AuditActions.View, "G-1", "G-1", null, "S47 enquiry", null));
            await log.RecordAsync(new AuditDraft("sub-b", "Pat Officer", "police", AuditActions.View, "G-2", "G-2", null, "S47 enquiry", null));
        }

        await using var connection = new SqliteConnection($"Data Source={servingPath};Pooling=False");
        await connection.OpenAsync();
        await using var copy = connection.CreateCommand();
        copy.CommandText = """
            ATTACH DATABASE $Log AS old_log;
            INSERT INTO audit_entry SELECT * FROM old_log.audit_entry;
            INSERT INTO audit_head SELECT * FROM old_log.audit_head;
            DETACH DATABASE old_log;
            """;
        copy.Parameters.AddWithValue("$Log", Path.Combine(folder, "elsewhere.audit.db"));
        await copy.ExecuteNonQueryAsync();
    }

    [TearDown]
    public void Drop()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Verify_ServingFileWithOldLog_MovesItBesideAndFindsItIntact()
    {
        var (exit, output) = await RunAsync("audit", "verify");

        exit.ShouldBe(0);
        output.ShouldContain("Access log intact: 3 entries checked.");
        File.Exists(Path.Combine(folder, "singleview.audit.db")).ShouldBeTrue();
    }

    [Test]
    public async Task Report_ServingFileWithOldLog_ListsTheMovedLooks()
    {
        var (exit, output) = await RunAsync("audit", "report", "--person", "G-1");

        exit.ShouldBe(0);
        output.ShouldContain("2 look(s) at G-1");
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, "--database", servingPath], TimeProvider.System, output, error);
        return (exit, output + error.ToString());
    }
}
