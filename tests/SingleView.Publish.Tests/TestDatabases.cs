using Dapper;
using Npgsql;
using SingleView.Tests.Shared;

namespace SingleView.Publish.Tests;

/// <summary>A fresh, empty serving database per test: a temporary SQLite file, or a new database on the test PostgreSQL server.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFolder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(ServingDatabase database, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Database = database;
        this.sqliteFolder = sqliteFolder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public ServingDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("singleview-publish-").FullName;
            return new TestDatabase(ServingDatabase.Sqlite(Path.Combine(folder, "serving.db")), folder, null, null);
        }

        var admin = TestServers.PostgreSqlConnectionString();
        var name = "sv_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            // A database name cannot be a parameter; this one is generated above, never input.
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(ServingDatabase.PostgreSql(builder.ToString()), null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }
    }
}
