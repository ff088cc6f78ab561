using Quartz;

namespace SingleView.Schedule.Jobs;

/// <summary>The names of SingleView's jobs and triggers in the Quartz store; every host of a deployment uses the same.</summary>
internal static class ScheduleKeys
{
    public const string Group = "singleview";

    public static readonly JobKey Refresh = new("nightly-refresh", Group);
    public static readonly JobKey Digest = new("safeguarding-digest", Group);
    public static readonly JobKey DeliveryRetry = new("digest-delivery-retry", Group);
    public static readonly JobKey Retention = new("retention", Group);

    public static readonly TriggerKey RefreshCron = new("nightly-refresh-cron", Group);
    public static readonly TriggerKey DigestCron = new("safeguarding-digest-cron", Group);
    public static readonly TriggerKey DeliveryRetryCron = new("digest-delivery-retry-cron", Group);
    public static readonly TriggerKey RetentionCron = new("retention-cron", Group);

    /// <summary>Job data: which try of the refresh this is (1 for the night's own).</summary>
    public const string Attempt = "attempt";

    /// <summary>Job data: scheduled, manual or retry.</summary>
    public const string TriggerKind = "trigger";

    /// <summary>Job data: who asked for a manual run.</summary>
    public const string RequestedBy = "requested_by";
}
