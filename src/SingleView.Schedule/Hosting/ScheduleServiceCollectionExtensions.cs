using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using SingleView.Publish;
using SingleView.Schedule.Configuration;
using SingleView.Schedule.Delivery;
using SingleView.Schedule.Digests;
using SingleView.Schedule.History;
using SingleView.Schedule.Jobs;

namespace SingleView.Schedule.Hosting;

/// <summary>Where the scheduler lives: the serve host's serving database and configuration folder.</summary>
public sealed record ScheduleHostOptions
{
    public required ServingDatabase Database { get; init; }
    public required string ConfigDirectory { get; init; }
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>This node's ID in a PostgreSQL cluster; generated when not given (tests name their two nodes).</summary>
    public string? InstanceId { get; init; }
}

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Registers run history, digests and "run now" always (the admin and digest pages read them), and —
    /// when config/schedule.yaml says <c>enabled: true</c> — Quartz with its store in the serving database
    /// (clustered on PostgreSQL) and the hosted service that starts it. Config files are loaded and
    /// validated here, so a bad one stops the host at start-up naming file and field.
    /// </summary>
    public static IServiceCollection AddSingleViewSchedule(this IServiceCollection services, ScheduleHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runtime = ScheduleRuntime.Load(options.Database, options.ConfigDirectory);
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        services.TryAddSingleton(timeProvider);
        services.AddSingleton(runtime);
        services.AddSingleton(runtime.Settings);
        services.AddSingleton(sp => new RunHistory(runtime.Database, timeProvider));
        services.AddSingleton(sp => new DigestStore(runtime.Database));
        services.AddSingleton(sp => new DigestBuilder(runtime.Database, runtime.Rules, runtime.Subscriptions, timeProvider, runtime.Settings.DigestLookbackDays));
        services.TryAddSingleton<IDigestSender>(sp => runtime.Settings.Sender == DigestSenderKind.Notify
            ? NotifyDigestSender.Create(runtime.Settings.Notify)
            : new SmtpDigestSender(runtime.Settings.Smtp));
        services.AddSingleton(sp => new DigestDelivery(sp.GetRequiredService<DigestStore>(), sp.GetRequiredService<IDigestSender>(), runtime.Settings, timeProvider, sp.GetRequiredService<ILogger<DigestDelivery>>()));
        services.AddSingleton(sp => new ScheduledRefresh(runtime, sp.GetRequiredService<RunHistory>(), timeProvider, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new ScheduleControl(runtime, sp.GetRequiredService<RunHistory>(), sp));
        if (!runtime.Settings.Enabled) return services;

        services.AddTransient(sp => new RefreshJob(sp.GetRequiredService<ScheduledRefresh>(), runtime, timeProvider, sp.GetRequiredService<ILogger<RefreshJob>>()));
        services.AddTransient(sp => new DigestJob(sp.GetRequiredService<DigestBuilder>(), sp.GetRequiredService<DigestDelivery>(), sp.GetRequiredService<ILogger<DigestJob>>()));
        services.AddTransient(sp => new DeliveryRetryJob(sp.GetRequiredService<DigestDelivery>()));
        services.AddTransient(sp => new RetentionJob(runtime, sp.GetRequiredService<RunHistory>(), sp.GetRequiredService<DigestStore>(), timeProvider, sp.GetRequiredService<ILogger<RetentionJob>>()));
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(timeProvider);
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = runtime.Settings.InstanceName;
                if (options.InstanceId is not null) scheduler.InstanceId = options.InstanceId;
            });
            quartz.UsePersistentStore(store =>
            {
                // Job data are plain strings (attempt, trigger kind), so no serializer beyond Quartz's own is needed.
                store.ConfigureStore(ado =>
                {
                    ado.StoreJobDataAsStrings = true;
                    ado.SchemaProvisioning = SchemaProvisioning.None;
                });
                if (runtime.Database.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, runtime.Database.ConnectionString);
                    // Several serve hosts share the store; a job fires on exactly one of them.
                    store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(15));
                }
                else
                {
                    // Quartz refuses clustering on SQLite: one host per SQLite file.
                    store.UseSqlite(SqliteFactory.Instance, runtime.Database.ConnectionString);
                }
            });
        });
        services.AddHostedService<ScheduleHostedService>();
        return services;
    }
}
