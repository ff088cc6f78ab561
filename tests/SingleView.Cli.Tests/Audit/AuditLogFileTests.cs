using SingleView.Publish;
using SingleView.Serve.Audit;

namespace SingleView.Cli.Tests.Audit;

/// <summary>
/// <c>singleview audit verify</c> when the access log's own file is gone. Only a SQLite serving database
/// keeps its log in a file of its own (on PostgreSQL it is a table of the serving database), so this
/// fixture has no PostgreSQL case.
/// </summary>
public sealed class AuditLogFileTests
{
    private string folder = string.Empty;
    private string databasePath = string.Empty;

    [SetUp]
    public async Task CreateAsync()
    {
        folder = Directory.CreateTempSubdirectory("singleview-audit-file-").FullName;
        databasePath = Path.Combine(folder, "serving.db");
        var database = ServingDatabase.Sqlite(databasePath);
        await new MigrationRunner(database, TimeProvider.System).ApplyAsync();
        await using var log = new AuditLog(database, TimeProvider.System);
        await log.RecordAsync(new AuditDraft("sub-a", "Sam Worker", "social_worker", AuditActions.View, "G-1", "G-1", null, null, null));
    }

    [TearDown]
    public void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Verify_AccessLogFileMissing_ExitsOne()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var logFile = AccessLogFile.PathBeside(databasePath);
        foreach (var file in new[] { logFile, logFile + "-wal", logFile + "-shm" }) File.Delete(file);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(["audit", "verify", "--database", databasePath, "--data", Path.Combine(folder, "data")], TimeProvider.System, output, error);

        exit.ShouldBe(1);
        output.ToString().ShouldContain($"the access log file {logFile} is missing");
        File.Exists(logFile).ShouldBeFalse();
    }
}
