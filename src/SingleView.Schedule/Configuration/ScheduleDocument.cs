namespace SingleView.Schedule.Configuration;

// The shape of config/schedule.yaml as written (snake_case keys). Validated into ScheduleSettings.
#pragma warning disable CA1056 // YAML binding wants plain string properties.
internal sealed class ScheduleDocument
{
    public bool? Enabled { get; set; }
    public string? TimeZone { get; set; }
    public string? InstanceName { get; set; }
    public SchedulesSection? Schedules { get; set; }
    public RefreshSection? Refresh { get; set; }
    public DigestSection? Digest { get; set; }
    public SmtpSection? Smtp { get; set; }
    public NotifySection? Notify { get; set; }
    public RetentionSection? Retention { get; set; }

    internal sealed class SchedulesSection
    {
        public string? Refresh { get; set; }
        public string? Digest { get; set; }
        public string? Retention { get; set; }
        public string? DeliveryRetry { get; set; }
    }

    internal sealed class RefreshSection
    {
        public int? RetryCount { get; set; }
        public int? RetryDelayMinutes { get; set; }
        public int? StaleAfterHours { get; set; }
        /// <summary>No longer used (the refresh lock dies with its holder); read only to say so.</summary>
        public int? LockLeaseHours { get; set; }
        public string? DataDirectory { get; set; }
        public string? PipelinesDirectory { get; set; }
        public string? DropRoot { get; set; }
        public string? AuditWitness { get; set; }
    }

    internal sealed class DigestSection
    {
        public int? LookbackDays { get; set; }
        public string? Sender { get; set; }
        public string? From { get; set; }
        public int? DeliveryAttempts { get; set; }
        public int? DeliveryRetryDelaySeconds { get; set; }
        public int? MaxDeliveryTries { get; set; }
    }

    internal sealed class SmtpSection
    {
        public string? Host { get; set; }
        public int? Port { get; set; }
        public bool? EnableSsl { get; set; }
        public string? UserName { get; set; }
        public string? PasswordVariable { get; set; }
        public int? TimeoutSeconds { get; set; }
    }

    internal sealed class NotifySection
    {
        public string? ApiKeyVariable { get; set; }
        public string? TemplateId { get; set; }
    }

    internal sealed class RetentionSection
    {
        public int? RunHistoryDays { get; set; }
        public int? DigestDays { get; set; }
        public int? AlertEventDays { get; set; }
    }
}
