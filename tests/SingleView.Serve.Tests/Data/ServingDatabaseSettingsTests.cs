using Dapper;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Data;

/// <summary>The SQLite settings the view relies on hold on every connection, though they are applied once per pooled handle.</summary>
public sealed class ServingDatabaseSettingsTests
{
    [Test]
    public async Task OpenAsync_PooledHandleOpenedAgain_StillHasWalAndBusyTimeout()
    {
        using var first = await TestDatabase.CreateAsync();
        using var second = await TestDatabase.CreateAsync();

        foreach (var database in new[] { first.Database, second.Database, first.Database })
        {
            await using var connection = await database.OpenAsync();
            (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
            (await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout")).ShouldBe(30000);
        }
    }
}
