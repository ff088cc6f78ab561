using Dapper;
using SingleView.Serve.Data;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Data;

/// <summary>The reader's kept SQLite connections.</summary>
public sealed class SqliteSessionsTests
{
    [Test]
    public async Task RentAsync_NewSession_ReadsTheFileThroughAMemoryMap()
    {
        using var database = await TestDatabase.CreateAsync();
        using var sessions = new SqliteSessions(database.Database);

        var session = await sessions.RentAsync(CancellationToken.None);

        (await session.Connection.ExecuteScalarAsync<long>("PRAGMA mmap_size")).ShouldBe(SqliteSessions.MemoryMapBytes);
        sessions.Return(session);
    }
}
