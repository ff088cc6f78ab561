using Dapper;
using Npgsql;
using SingleView.Publish;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Support;

/// <summary>A fresh serving database per test: a temporary SQLite file, or a new database on the test PostgreSQL server.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(ServingDatabase database, string? folder, string? postgresAdmin, string? postgresName)
    {
        Database = database;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public ServingDatabase Database { get; }

    /// <summary>A folder that goes with the database (for a data directory or config files).</summary>
    public string Folder => folder ?? throw new InvalidOperationException("only SQLite test databases have a folder");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("singleview-schedule-").FullName;
            database = new TestDatabase(ServingDatabase.Sqlite(Path.Combine(folder, "serving.db")), folder, null, null);
        }
        else
        {
            var admin = TestServers.PostgreSqlConnectionString();
            var name = "sv_schedule_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                // A database name cannot be a parameter; this one is generated above, never input.
                await connection.ExecuteAsync($"CREATE DATABASE {name}");
            }

            database = new TestDatabase(ServingDatabase.PostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString()), null, admin, name);
        }

        if (migrate) await new MigrationRunner(database.Database, TimeProvider.System).ApplyAsync();
        return database;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A scheduler thread may still hold the file for a moment; the temp folder is left behind.
            }
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }
    }
}
