using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Schedule.Configuration;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Support;

/// <summary>The committed sample authority (samples/drops) refreshed into a fresh SQLite serving database.</summary>
internal sealed class SampleRefresh : IAsyncDisposable
{
    private SampleRefresh(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }

    public AlertRules Rules { get; } = AlertRules.Load(RepositoryRoot.Config);

    public static RefreshOptions Options(TestDatabase db) => new()
    {
        DataDirectory = Path.Combine(db.Folder, "data"),
        ConfigDirectory = RepositoryRoot.Config,
        PipelinesDirectory = RepositoryRoot.Pipelines,
        DropRoot = Path.Combine(RepositoryRoot.Samples, "drops"),
        Database = db.Database,
    };

    public static async Task<SampleRefresh> PublishAsync()
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await new NightlyRefresh(TimeProvider.System, NullLoggerFactory.Instance).RunAsync(Options(db));
        return new SampleRefresh(db);
    }

    public async Task<IEnumerable<string>> RulesSeenAsync()
    {
        await using var connection = await Db.Database.OpenAsync();
        return await connection.QueryAsync<string>("SELECT DISTINCT rule FROM alert_event");
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
