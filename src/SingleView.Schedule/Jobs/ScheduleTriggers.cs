using Quartz;
using SingleView.Schedule.Configuration;

namespace SingleView.Schedule.Jobs;

/// <summary>
/// The cron triggers of schedule.yaml, in its time zone. A misfire (every host down at the time) fires
/// once as soon as a scheduler is back and then keeps to the schedule: a night is neither lost nor
/// repeated. Quartz reads a wall-clock time that does not exist on the spring-forward night (01:30 in
/// the skipped hour) as the first instant after the gap, and fires once on the autumn night's first 01:30.
/// </summary>
internal static class ScheduleTriggers
{
    public static IReadOnlyList<(JobKey Job, TriggerKey Trigger, string Cron)> All(ScheduleSettings settings) =>
    [
        (ScheduleKeys.Refresh, ScheduleKeys.RefreshCron, settings.RefreshCron),
        (ScheduleKeys.Digest, ScheduleKeys.DigestCron, settings.DigestCron),
        (ScheduleKeys.DeliveryRetry, ScheduleKeys.DeliveryRetryCron, settings.DeliveryRetryCron),
        (ScheduleKeys.Retention, ScheduleKeys.RetentionCron, settings.RetentionCron),
    ];

    public static ITrigger Cron(JobKey job, TriggerKey key, string cron, TimeZoneInfo timeZone, TimeProvider timeProvider, DateTimeOffset? startAt = null) =>
        TriggerBuilder.Create(timeProvider)
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(startAt ?? timeProvider.GetUtcNow())
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    /// <summary>Whether a stored trigger already says what the settings say (then it is left alone, keeping its next fire time and any misfire).</summary>
    public static bool IsCurrent(ITrigger? stored, string cron, TimeZoneInfo timeZone) =>
        stored is ICronTrigger existing && existing.CronExpressionString == cron && existing.TimeZone.Id == timeZone.Id;
}
