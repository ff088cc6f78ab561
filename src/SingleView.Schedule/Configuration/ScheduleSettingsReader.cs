using SingleView.Core.Configuration;

namespace SingleView.Schedule.Configuration;

/// <summary>Turns the YAML document into settings: what is not written keeps its default, then everything is validated.</summary>
internal static class ScheduleSettingsReader
{
    public static ScheduleSettings Read(string file, ScheduleDocument document)
    {
        if (document.Refresh?.LockLeaseHours is not null)
        {
            throw new ConfigurationException(file, "refresh.lock_lease_hours", "is no longer used: the refresh lock now ends with the process that holds it; remove the line");
        }

        var defaults = new ScheduleSettings();
        var smtpDefaults = new SmtpSettings();
        var notifyDefaults = new NotifySettings();
        var settings = new ScheduleSettings
        {
            Enabled = document.Enabled ?? defaults.Enabled,
            TimeZone = document.TimeZone is null ? defaults.TimeZone : FindTimeZone(file, document.TimeZone),
            InstanceName = document.InstanceName ?? defaults.InstanceName,
            RefreshCron = document.Schedules?.Refresh ?? defaults.RefreshCron,
            DigestCron = document.Schedules?.Digest ?? defaults.DigestCron,
            RetentionCron = document.Schedules?.Retention ?? defaults.RetentionCron,
            DeliveryRetryCron = document.Schedules?.DeliveryRetry ?? defaults.DeliveryRetryCron,
            RefreshRetryCount = document.Refresh?.RetryCount ?? defaults.RefreshRetryCount,
            RefreshRetryDelay = Minutes(file, "refresh.retry_delay_minutes", document.Refresh?.RetryDelayMinutes) ?? defaults.RefreshRetryDelay,
            StaleAfter = Hours(file, "refresh.stale_after_hours", document.Refresh?.StaleAfterHours) ?? defaults.StaleAfter,
            DataDirectory = document.Refresh?.DataDirectory ?? defaults.DataDirectory,
            PipelinesDirectory = document.Refresh?.PipelinesDirectory ?? defaults.PipelinesDirectory,
            DropRoot = string.IsNullOrWhiteSpace(document.Refresh?.DropRoot) ? null : document.Refresh.DropRoot,
            AuditWitness = string.IsNullOrWhiteSpace(document.Refresh?.AuditWitness) ? null : document.Refresh.AuditWitness,
            DigestLookbackDays = document.Digest?.LookbackDays ?? defaults.DigestLookbackDays,
            Sender = document.Digest?.Sender is { } sender ? Require.Enum<DigestSenderKind>(sender, file, "digest.sender") : defaults.Sender,
            From = document.Digest?.From ?? defaults.From,
            DeliveryAttempts = document.Digest?.DeliveryAttempts ?? defaults.DeliveryAttempts,
            DeliveryRetryDelay = Seconds(file, "digest.delivery_retry_delay_seconds", document.Digest?.DeliveryRetryDelaySeconds) ?? defaults.DeliveryRetryDelay,
            MaxDeliveryTries = document.Digest?.MaxDeliveryTries ?? defaults.MaxDeliveryTries,
            Smtp = new SmtpSettings
            {
                Host = document.Smtp?.Host ?? smtpDefaults.Host,
                Port = document.Smtp?.Port ?? smtpDefaults.Port,
                EnableSsl = document.Smtp?.EnableSsl ?? smtpDefaults.EnableSsl,
                UserName = string.IsNullOrWhiteSpace(document.Smtp?.UserName) ? null : document.Smtp.UserName,
                PasswordVariable = document.Smtp?.PasswordVariable ?? smtpDefaults.PasswordVariable,
                Timeout = Seconds(file, "smtp.timeout_seconds", document.Smtp?.TimeoutSeconds) ?? smtpDefaults.Timeout,
            },
            Notify = new NotifySettings
            {
                ApiKeyVariable = document.Notify?.ApiKeyVariable ?? notifyDefaults.ApiKeyVariable,
                TemplateId = document.Notify?.TemplateId ?? notifyDefaults.TemplateId,
            },
            RunHistoryDays = document.Retention?.RunHistoryDays ?? defaults.RunHistoryDays,
            DigestDays = document.Retention?.DigestDays ?? defaults.DigestDays,
            AlertEventDays = document.Retention?.AlertEventDays ?? defaults.AlertEventDays,
        };
        settings.Validate(file);
        return settings;
    }

    private static TimeZoneInfo FindTimeZone(string file, string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ConfigurationException(file, "time_zone", $"'{id}' is not a time zone this machine knows (use an IANA name such as Europe/London)");
        }
    }

    private static TimeSpan? Minutes(string file, string field, int? value) => NonNegative(file, field, value) is { } v ? TimeSpan.FromMinutes(v) : null;

    private static TimeSpan? Hours(string file, string field, int? value) => Positive(file, field, value) is { } v ? TimeSpan.FromHours(v) : null;

    private static TimeSpan? Seconds(string file, string field, int? value) => NonNegative(file, field, value) is { } v ? TimeSpan.FromSeconds(v) : null;

    private static int? Positive(string file, string field, int? value) =>
        value is <= 0 ? throw new ConfigurationException(file, field, $"{value} must be more than zero") : value;

    private static int? NonNegative(string file, string field, int? value) =>
        value is < 0 ? throw new ConfigurationException(file, field, $"{value} must be zero or more") : value;
}
