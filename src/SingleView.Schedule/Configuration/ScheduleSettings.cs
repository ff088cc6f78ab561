using Quartz;
using SingleView.Core.Configuration;

namespace SingleView.Schedule.Configuration;

/// <summary>How digests leave: an SMTP relay, or GOV.UK Notify.</summary>
public enum DigestSenderKind
{
    Smtp,
    Notify,
}

/// <summary>
/// config/schedule.yaml, validated. Every setting has a stated default, so a file holding only
/// <c>enabled: true</c> schedules the nightly refresh at 01:30 and the digest at 07:00, Europe/London.
/// A missing file means scheduling is off (the demo and the tests run without it).
/// </summary>
public sealed record ScheduleSettings
{
    public const string FileName = "schedule.yaml";

    /// <summary>Whether the serve host runs the scheduler at all. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary>The time zone the cron expressions are read in. Default Europe/London.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The Quartz scheduler name: every host of one deployment shares it (and so its jobs). Default SingleView.</summary>
    public string InstanceName { get; init; } = "SingleView";

    /// <summary>Quartz cron (seconds first). Default 01:30 every night.</summary>
    public string RefreshCron { get; init; } = "0 30 1 * * ?";

    /// <summary>Default 07:00 every day: in inboxes before the school day starts.</summary>
    public string DigestCron { get; init; } = "0 0 7 * * ?";

    /// <summary>Default 03:00 on Sundays.</summary>
    public string RetentionCron { get; init; } = "0 0 3 ? * SUN";

    /// <summary>Retries digests whose delivery failed. Default every 15 minutes.</summary>
    public string DeliveryRetryCron { get; init; } = "0 0/15 * * * ?";

    /// <summary>How many times a failed refresh is tried again. Default 2.</summary>
    public int RefreshRetryCount { get; init; } = 2;

    /// <summary>How long after a failure the refresh is tried again. Default 30 minutes.</summary>
    public TimeSpan RefreshRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The view is stale when the last good refresh is older than this (or the latest failed). Default 26 hours.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(26);

    public string DataDirectory { get; init; } = ".singleview";
    public string PipelinesDirectory { get; init; } = "pipelines";

    /// <summary>Default &lt;data&gt;/drops.</summary>
    public string? DropRoot { get; init; }

    /// <summary>The access log's witness file each publish records the log's head in. Default beside the serving data (see docs/access-log.md).</summary>
    public string? AuditWitness { get; init; }

    /// <summary>Events older than this on the day of the digest are not sent (history is not news). Default 30 days.</summary>
    public int DigestLookbackDays { get; init; } = 30;

    public DigestSenderKind Sender { get; init; } = DigestSenderKind.Smtp;

    /// <summary>The From address of digest e-mails. Default safeguarding-digest@localhost.</summary>
    public string From { get; init; } = "safeguarding-digest@localhost";

    /// <summary>Attempts within one delivery (Polly, exponential back-off). Default 3.</summary>
    public int DeliveryAttempts { get; init; } = 3;

    /// <summary>First back-off between those attempts. Default 2 seconds.</summary>
    public TimeSpan DeliveryRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries (each of <see cref="DeliveryAttempts"/>) before a digest is left failed for a person to look at. Default 8.</summary>
    public int MaxDeliveryTries { get; init; } = 8;

    public SmtpSettings Smtp { get; init; } = new();
    public NotifySettings Notify { get; init; } = new();

    /// <summary>Run history kept this long. Default 400 days.</summary>
    public int RunHistoryDays { get; init; } = 400;

    /// <summary>Digests (they hold pupils' names) kept this long. Default 400 days.</summary>
    public int DigestDays { get; init; } = 400;

    /// <summary>Alert events no longer in the published data are forgotten after this. Default 400 days.</summary>
    public int AlertEventDays { get; init; } = 400;

    /// <summary>Loads config/schedule.yaml from the folder; a missing file is "scheduling off" with every default.</summary>
    public static ScheduleSettings Load(string configDirectory)
    {
        var file = Path.Combine(configDirectory, FileName);
        return File.Exists(file) ? Parse(file, File.ReadAllText(file)) : new ScheduleSettings();
    }

    public static ScheduleSettings Parse(string file, string yaml) => ScheduleSettingsReader.Read(file, YamlDocument.Parse<ScheduleDocument>(file, yaml));

    /// <summary>Checks every value, naming the file and field of the first that is wrong.</summary>
    public void Validate(string file)
    {
        foreach (var (field, cron) in new[] { ("schedules.refresh", RefreshCron), ("schedules.digest", DigestCron), ("schedules.retention", RetentionCron), ("schedules.delivery_retry", DeliveryRetryCron) })
        {
            if (!CronExpression.TryParse(cron, out _)) throw new ConfigurationException(file, field, $"'{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }

        Positive(file, "refresh.retry_count", RefreshRetryCount, allowZero: true);
        Positive(file, "digest.lookback_days", DigestLookbackDays);
        Positive(file, "digest.delivery_attempts", DeliveryAttempts);
        Positive(file, "digest.max_delivery_tries", MaxDeliveryTries);
        Positive(file, "retention.run_history_days", RunHistoryDays);
        Positive(file, "retention.digest_days", DigestDays);
        Positive(file, "retention.alert_event_days", AlertEventDays);
        Require.Text(InstanceName, file, "instance_name");
        Require.Text(DataDirectory, file, "refresh.data_directory");
        Require.Text(PipelinesDirectory, file, "refresh.pipelines_directory");
        if (!From.Contains('@', StringComparison.Ordinal)) throw new ConfigurationException(file, "digest.from", $"'{From}' is not an e-mail address");
        if (Sender == DigestSenderKind.Smtp) Smtp.Validate(file);
        else Notify.Validate(file);
    }

    private static void Positive(string file, string field, int value, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero)) throw new ConfigurationException(file, field, $"{value} must be {(allowZero ? "zero or more" : "more than zero")}");
    }
}

/// <summary>The SMTP relay digests go through. Secrets come from the environment, never the file.</summary>
public sealed record SmtpSettings
{
    /// <summary>Default 127.0.0.1 (a local relay, as on the test machines).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Default 25.</summary>
    public int Port { get; init; } = 25;

    /// <summary>STARTTLS. Default false (a loopback relay); true for any relay across a network.</summary>
    public bool EnableSsl { get; init; }

    /// <summary>Default none (no authentication).</summary>
    public string? UserName { get; init; }

    /// <summary>The environment variable holding the password. Default SINGLEVIEW_SMTP_PASSWORD.</summary>
    public string PasswordVariable { get; init; } = "SINGLEVIEW_SMTP_PASSWORD";

    /// <summary>Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate(string file)
    {
        Require.Text(Host, file, "smtp.host");
        if (Port is < 1 or > 65535) throw new ConfigurationException(file, "smtp.port", $"{Port} is not a TCP port");
        if (Timeout <= TimeSpan.Zero) throw new ConfigurationException(file, "smtp.timeout_seconds", "must be more than zero");
    }
}

/// <summary>GOV.UK Notify: the API key comes from the environment; the template has ((subject)) and ((body)).</summary>
public sealed record NotifySettings
{
    /// <summary>Default SINGLEVIEW_NOTIFY_API_KEY.</summary>
    public string ApiKeyVariable { get; init; } = "SINGLEVIEW_NOTIFY_API_KEY";

    /// <summary>The e-mail template's ID; required when the sender is notify.</summary>
    public string? TemplateId { get; init; }

    internal void Validate(string file)
    {
        Require.Text(ApiKeyVariable, file, "notify.api_key_variable");
        var template = Require.Text(TemplateId, file, "notify.template_id");
        if (!Guid.TryParse(template, out _)) throw new ConfigurationException(file, "notify.template_id", $"'{template}' is not a Notify template ID (a GUID)");
    }
}
