using Dapper;
using Microsoft.Data.Sqlite;
using SingleView.Publish;
using SingleView.Serve.Audit;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Audit;

/// <summary>The access log in a SQLite file of its own beside the serving file, and the move out of serving files made before it.</summary>
public sealed class AccessLogFileTests
{
    private TestDatabase database = null!;
    private string servingPath = string.Empty;
    private string logPath = string.Empty;

    [SetUp]
    public async Task CreateAsync()
    {
        database = await TestDatabase.CreateAsync();
        servingPath = new SqliteConnectionStringBuilder(database.Database.ConnectionString).DataSource;
        logPath = Path.Combine(Path.GetDirectoryName(servingPath)!, "serving.audit.db");
    }

    [TearDown]
    public void Drop() => database?.Dispose();

    [Test]
    public void PathBeside_ServingFile_IsSameFolderWithAuditSuffix()
    {
        AccessLogFile.PathBeside(Path.Combine("data", "singleview.db")).ShouldBe(Path.Combine("data", "singleview.audit.db"));
    }

    [Test]
    public void For_PostgreSqlServingDatabase_IsTheServingDatabaseItself()
    {
        var serving = ServingDatabase.PostgreSql("Host=127.0.0.1;Database=serving");

        AccessLogFile.For(serving).ShouldBeSameAs(serving);
    }

    [Test]
    public async Task Record_SqliteServingDatabase_WritesEntriesToTheFileBesideIt()
    {
        await RecordAsync(3);

        File.Exists(logPath).ShouldBeTrue();
        (await CountAsync(logPath, "audit_entry")).ShouldBe(3);
        (await CountAsync(servingPath, "audit_entry")).ShouldBe(0);
        (await CountAsync(servingPath, "audit_head")).ShouldBe(0);
    }

    [Test]
    public async Task Record_NewLogFile_HasSmallPagesInWalMode()
    {
        await RecordAsync(1);

        await using var connection = new SqliteConnection($"Data Source={logPath};Pooling=False");
        (await connection.ExecuteScalarAsync<long>("PRAGMA page_size")).ShouldBe(4096);
        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
    }

    [Test]
    public async Task Start_ServingFileWithOldLog_MovesEveryEntryByteForByte()
    {
        var old = await WriteOldLogAsync(4);

        await RecordAsync(0);

        (await RawRowsAsync(logPath)).Select(Describe).ShouldBe(old.Select(Describe));
        (await CountAsync(servingPath, "audit_entry")).ShouldBe(0);
        (await CountAsync(servingPath, "audit_head")).ShouldBe(0);
    }

    [Test]
    public async Task Start_ServingFileWithOldLog_ChainContinuesAndVerifiesAcrossTheMove()
    {
        await WriteOldLogAsync(4);

        var next = await RecordAsync(2);

        next[0].Sequence.ShouldBe(5);
        var result = await AuditVerifier.VerifyAsync(database.Database);
        result.Intact.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        result.EntriesChecked.ShouldBe(6);
    }

    [Test]
    public async Task Start_SecondTime_DoesNotMoveAgain()
    {
        await WriteOldLogAsync(4);
        await RecordAsync(1);

        await RecordAsync(1);
        var movedNow = await MoveAgainAsync();

        movedNow.ShouldBe(0);
        (await CountAsync(logPath, "audit_entry")).ShouldBe(6);
        (await AuditVerifier.VerifyAsync(database.Database)).Intact.ShouldBeTrue();
    }

    [Test]
    public async Task Start_AfterCrashBetweenCopyAndDelete_DeletesLeftoversWithoutCopyingThemTwice()
    {
        var old = await WriteOldLogAsync(4);
        await RecordAsync(1);
        await PutBackIntoServingFileAsync(old);

        await RecordAsync(1);

        (await CountAsync(logPath, "audit_entry")).ShouldBe(6);
        (await CountAsync(servingPath, "audit_entry")).ShouldBe(0);
        var result = await AuditVerifier.VerifyAsync(database.Database);
        result.Intact.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
    }

    [Test]
    public async Task Start_ServingFileWithOldLogAndReaderOpen_EmptiesTheServingFilesWal()
    {
        await WriteOldLogAsync(500);
        // An open connection keeps the WAL: without it, closing the last connection would empty it anyway.
        await using var reader = new SqliteConnection($"Data Source={servingPath};Pooling=False");
        await reader.OpenAsync();
        (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entry")).ShouldBe(500);

        await RecordAsync(0);

        new FileInfo(servingPath + "-wal").Length.ShouldBe(0);
        (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entry")).ShouldBe(0);
    }

    [Test]
    public async Task Start_ReaderInTheMiddleOfAReadOnTheServingFile_MovesAndLeavesTheWal()
    {
        await WriteOldLogAsync(50);
        await using var reader = new SqliteConnection($"Data Source={servingPath};Pooling=False");
        await reader.OpenAsync();
        await using var transaction = reader.BeginTransaction(deferred: true);
        (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entry", transaction: transaction)).ShouldBe(50);

        await RecordAsync(1);

        (await CountAsync(logPath, "audit_entry")).ShouldBe(51);
        (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entry", transaction: transaction)).ShouldBe(50);
    }

    [Test]
    public async Task Prepare_ServingEntryConflictsWithLogEntry_RefusesAndLeavesBothFiles()
    {
        var old = await WriteOldLogAsync(2);
        await RecordAsync(0);
        var forged = old[0].ToList();
        forged[12] = new string('f', 64);
        await PutBackIntoServingFileAsync([forged.ToArray()]);

        await Should.ThrowAsync<InvalidOperationException>(() => AccessLogFile.PrepareAsync(database.Database, TimeProvider.System, CancellationToken.None));

        (await CountAsync(servingPath, "audit_entry")).ShouldBe(1);
        (await CountAsync(logPath, "audit_entry")).ShouldBe(2);
    }

    [Test]
    public async Task Verify_EntryChangedInTheLogFile_ReportsItChanged()
    {
        await RecordAsync(3);
        await using (var connection = new SqliteConnection($"Data Source={logPath};Pooling=False"))
        {
            await connection.ExecuteAsync("UPDATE audit_entry SET role = 'police' WHERE sequence = 2");
        }

        var problem = (await AuditVerifier.VerifyAsync(database.Database)).Problems.ShouldHaveSingleItem();

        problem.Kind.ShouldBe(AuditProblemKind.Changed);
        problem.Sequence.ShouldBe(2);
    }

    /// <summary>Entries as a serving file made before the log had its own file holds them: chained, with their head, in its own tables.</summary>
    private async Task<List<object?[]>> WriteOldLogAsync(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var at = $"2026-11-{i:00}T08:00:00.1234567Z";
            var hash = AuditHash.Compute(at, "sub-old", "Old Worker", "social_worker", AuditActions.View, $"G-{i}", $"G-{i}", null, i % 2 == 0 ? "S47 enquiry" : null, null, previous);
            entries.Add(new AuditEntry(i, at, "sub-old", "Old Worker", "social_worker", AuditActions.View, $"G-{i}", $"G-{i}", null, i % 2 == 0 ? "S47 enquiry" : null, null, previous, hash));
            previous = hash;
        }

        await using (var connection = await database.Database.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await AuditStore.AppendAsync(connection, transaction, entries, CancellationToken.None);
            await transaction.CommitAsync();
        }

        return await RawRowsAsync(servingPath);
    }

    private async Task<IReadOnlyList<AuditEntry>> RecordAsync(int count)
    {
        var recorded = new List<AuditEntry>();
        await using var log = new AuditLog(database.Database, new FixedTimeProvider(SampleData.Today));
        for (var i = 0; i < count; i++)
        {
            recorded.Add(await log.RecordAsync(new AuditDraft("sub-1", "Sam Worker", "social_worker", AuditActions.View, "G-9", "G-9", null, null, null)));
        }

        return recorded;
    }

    private async Task<long> MoveAgainAsync()
    {
        await using var connection = (SqliteConnection)await AccessLogFile.For(database.Database).OpenAsync();
        return await AccessLogMove.MoveAsync(connection, servingPath, CancellationToken.None);
    }

    /// <summary>What a crash after the copy and before the delete leaves: the entries still in the serving file too.</summary>
    private async Task PutBackIntoServingFileAsync(IEnumerable<object?[]> rows)
    {
        await using var connection = new SqliteConnection($"Data Source={servingPath};Pooling=False");
        await connection.OpenAsync();
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit_entry VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
            for (var i = 0; i < row.Length; i++) command.Parameters.AddWithValue($"${i}", row[i] ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every column of every entry as SQLite stores it (value and storage class), in sequence order.</summary>
    private static async Task<List<object?[]>> RawRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit_entry ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    private static string Describe(object?[] row) => string.Join(" | ", row.Select(v => v is null ? "NULL" : $"{v.GetType().Name}:{v}"));

    private static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
