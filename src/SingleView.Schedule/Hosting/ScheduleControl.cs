using System.Globalization;
using Quartz;
using SingleView.Schedule.History;
using SingleView.Schedule.Jobs;

namespace SingleView.Schedule.Hosting;

/// <summary>What the admin page may do and show: whether the scheduler runs here, "run now", and the refresh status.</summary>
public sealed class ScheduleControl(ScheduleRuntime runtime, RunHistory history, IServiceProvider services)
{
    /// <summary>Whether schedule.yaml enables the scheduler in this host.</summary>
    public bool Enabled => runtime.Settings.Enabled;

    /// <summary>
    /// Asks Quartz to run the refresh now, on whichever host of the cluster picks it up; it runs after
    /// any refresh in progress, never beside it. False when the scheduler is not enabled here.
    /// </summary>
    public async Task<bool> RunRefreshNowAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        if (!Enabled || services.GetService(typeof(ISchedulerFactory)) is not ISchedulerFactory factory) return false;
        var scheduler = await factory.GetScheduler(cancellationToken);
        var data = new JobDataMap
        {
            [ScheduleKeys.TriggerKind] = "manual",
            [ScheduleKeys.Attempt] = 1.ToString(CultureInfo.InvariantCulture),
            [ScheduleKeys.RequestedBy] = requestedBy,
        };
        await scheduler.TriggerJob(ScheduleKeys.Refresh, data, cancellationToken);
        return true;
    }

    /// <summary>The latest outcome and whether the view is stale (for a banner).</summary>
    public Task<RefreshStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        history.StatusAsync(runtime.Settings.StaleAfter, cancellationToken);

    /// <summary>When each schedule fires next, in the configured time zone; empty when the scheduler is off.</summary>
    public async Task<IReadOnlyList<(string Job, DateTimeOffset? NextFire)>> NextFiresAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled || services.GetService(typeof(ISchedulerFactory)) is not ISchedulerFactory factory) return [];
        var scheduler = await factory.GetScheduler(cancellationToken);
        var next = new List<(string, DateTimeOffset?)>();
        foreach (var (job, trigger, _) in ScheduleTriggers.All(runtime.Settings))
        {
            var stored = await scheduler.GetTrigger(trigger, cancellationToken);
            next.Add((job.Name, stored?.NextFireTimeUtc is { } at ? TimeZoneInfo.ConvertTime(at, runtime.Settings.TimeZone) : null));
        }

        return next;
    }
}
