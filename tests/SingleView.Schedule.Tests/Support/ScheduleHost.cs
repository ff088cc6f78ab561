using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using SingleView.Publish;
using SingleView.Schedule.Hosting;
using SingleView.Schedule.History;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Support;

/// <summary>
/// A generic host running the scheduler as the serve host does, over a test database, with its own
/// config folder: schedule.yaml enabled, the committed alerts and subscriptions, the sample drops.
/// </summary>
internal sealed class ScheduleHost : IAsyncDisposable
{
    private readonly IHost host;

    private ScheduleHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public ScheduleControl Control => host.Services.GetRequiredService<ScheduleControl>();

    /// <summary>A config folder for the database's tests. pipelines: null for the committed pipelines, or a folder that does not exist to make every refresh fail fast.</summary>
    public static string Config(string folder, string extraYaml = "", bool failingRefresh = false, int retryCount = 0)
    {
        var config = Path.Combine(folder, "config-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(config);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Config)) File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        var pipelines = failingRefresh ? Path.Combine(folder, "no-such-pipelines") : RepositoryRoot.Pipelines;
        File.WriteAllText(Path.Combine(config, "schedule.yaml"), $"""
            enabled: true
            refresh:
              retry_count: {retryCount}
              retry_delay_minutes: 30
              data_directory: {Path.Combine(folder, "data")}
              pipelines_directory: {pipelines}
              drop_root: {Path.Combine(RepositoryRoot.Samples, "drops")}
            {extraYaml}
            """);
        return config;
    }

    public static async Task<ScheduleHost> StartAsync(ServingDatabase database, string configDirectory, string? instanceId = null, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleViewSchedule(new ScheduleHostOptions { Database = database, ConfigDirectory = configDirectory, InstanceId = instanceId, TimeProvider = timeProvider });
        var host = builder.Build();
        await host.StartAsync();
        return new ScheduleHost(host);
    }

    public async Task<IScheduler> SchedulerAsync() => await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Waits until the run history holds at least this many finished runs, up to a limit.</summary>
    public static async Task<IReadOnlyList<RunRecord>> WaitForRunsAsync(ServingDatabase database, int count, TimeSpan? limit = null)
    {
        var history = new RunHistory(database, TimeProvider.System);
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        List<RunRecord> runs = [];
        while (DateTime.UtcNow < until)
        {
            runs = (await history.RecentAsync(100)).Where(r => r.Outcome != RunOutcome.Running).ToList();
            if (runs.Count >= count) return runs;
            await Task.Delay(250);
        }

        return runs;
    }

    public static async Task<long> ScalarAsync(ServingDatabase database, string sql, object? parameters = null)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
