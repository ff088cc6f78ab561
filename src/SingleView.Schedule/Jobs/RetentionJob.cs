using Microsoft.Extensions.Logging;
using Quartz;
using SingleView.Schedule.Alerts;
using SingleView.Schedule.Digests;
using SingleView.Schedule.History;
using SingleView.Schedule.Hosting;

namespace SingleView.Schedule.Jobs;

/// <summary>Forgets what is older than schedule.yaml's retention periods: run history, digests (they name pupils), and events no longer published.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(ScheduleRuntime runtime, RunHistory history, DigestStore digests, TimeProvider timeProvider, ILogger<RetentionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var settings = runtime.Settings;
        var runs = await history.DeleteOlderThanAsync(now.AddDays(-settings.RunHistoryDays), cancellationToken);
        var sent = await digests.DeleteOlderThanAsync(now.AddDays(-settings.DigestDays), cancellationToken);
        var events = await new AlertDetector(runtime.Database, runtime.Rules, timeProvider).ForgetNotSeenSinceAsync(now.AddDays(-settings.AlertEventDays), cancellationToken);
        logger.LogInformation("Retention: {Runs} runs, {Digests} digests, {Events} events deleted", runs, sent, events);
    }
}
