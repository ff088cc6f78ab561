using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using SingleView.Schedule.Hosting;

namespace SingleView.Schedule.Jobs;

/// <summary>
/// The nightly refresh under Quartz. Never two at once in the cluster ([DisallowConcurrentExecution])
/// nor with <c>singleview refresh</c> (the refresh lock). A failure is retried
/// <see cref="Configuration.ScheduleSettings.RefreshRetryCount"/> times, each after the configured delay,
/// by a one-off trigger stored with the job, so a retry survives a restart too.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RefreshJob(ScheduledRefresh refresh, ScheduleRuntime runtime, TimeProvider timeProvider, ILogger<RefreshJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var attempt = int.TryParse(Text(data, ScheduleKeys.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 1;
        var kind = Text(data, ScheduleKeys.TriggerKind) ?? (context.Trigger.Key.Equals(ScheduleKeys.RefreshCron) ? "scheduled" : "manual");
        var (runId, succeeded) = await refresh.RunAsync(kind, attempt, cancellationToken);
        if (succeeded || attempt > runtime.Settings.RefreshRetryCount) return;

        var at = timeProvider.GetUtcNow() + runtime.Settings.RefreshRetryDelay;
        var retry = TriggerBuilder.Create(timeProvider)
            .WithIdentity($"nightly-refresh-retry-{runId}", ScheduleKeys.Group)
            .ForJob(ScheduleKeys.Refresh)
            .StartAt(at)
            .UsingJobData(ScheduleKeys.Attempt, (attempt + 1).ToString(CultureInfo.InvariantCulture))
            .UsingJobData(ScheduleKeys.TriggerKind, "retry")
            .Build();
        await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
        logger.LogWarning("Refresh {RunId} failed; try {Next} of {Max} at {At:O}", runId, attempt + 1, runtime.Settings.RefreshRetryCount + 1, at);
    }

    private static string? Text(JobDataMap data, string key) => data.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
