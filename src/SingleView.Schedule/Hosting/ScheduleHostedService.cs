using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using SingleView.Schedule.Jobs;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.Hosting;

/// <summary>
/// Starts the scheduler with the serve host: Quartz's tables first, then the jobs and their cron
/// triggers. A stored trigger that already says what schedule.yaml says is left as it is, so its next
/// fire time — and a night missed while every host was down — survive the restart.
/// </summary>
internal sealed class ScheduleHostedService(ISchedulerFactory factory, ScheduleRuntime runtime, TimeProvider timeProvider, ILogger<ScheduleHostedService> logger) : IHostedService
{
    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await new QuartzSchemaInstaller(runtime.Database, timeProvider).InstallAsync(cancellationToken);
        scheduler = await factory.GetScheduler(cancellationToken);
        await EnsureJobsAsync(scheduler, runtime, timeProvider, cancellationToken);
        await scheduler.Start(cancellationToken);
        logger.LogInformation("Scheduler {Name} ({Id}) started", scheduler.SchedulerName, scheduler.SchedulerInstanceId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not null) await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    internal static async Task EnsureJobsAsync(IScheduler scheduler, ScheduleRuntime runtime, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        IJobDetail[] jobs =
        [
            JobBuilder.Create<RefreshJob>().WithIdentity(ScheduleKeys.Refresh).WithDescription("Nightly refresh: ingest, match, golden records, publish; then alert events").StoreDurably().Build(),
            JobBuilder.Create<DigestJob>().WithIdentity(ScheduleKeys.Digest).WithDescription("Safeguarding digest for school DSLs").StoreDurably().Build(),
            JobBuilder.Create<DeliveryRetryJob>().WithIdentity(ScheduleKeys.DeliveryRetry).WithDescription("Retry of digests whose delivery failed").StoreDurably().Build(),
            JobBuilder.Create<RetentionJob>().WithIdentity(ScheduleKeys.Retention).WithDescription("Retention clean-up of run history, digests and events").StoreDurably().Build(),
        ];
        foreach (var job in jobs)
        {
            try
            {
                await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Hosts starting together: the other one stored the same job.
            }
        }

        foreach (var (job, key, cron) in ScheduleTriggers.All(runtime.Settings))
        {
            var stored = await scheduler.GetTrigger(key, cancellationToken);
            if (ScheduleTriggers.IsCurrent(stored, cron, runtime.Settings.TimeZone)) continue;
            var trigger = ScheduleTriggers.Cron(job, key, cron, runtime.Settings.TimeZone, timeProvider);
            try
            {
                if (stored is null) await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
                else await scheduler.RescheduleJob(key, trigger, cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another host of the cluster stored it a moment ago: one trigger, whoever wrote it.
            }
        }
    }
}
