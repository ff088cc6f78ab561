using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Schedule.Configuration;

namespace SingleView.Schedule.Hosting;

/// <summary>Everything the jobs read, loaded and validated once when the host starts.</summary>
public sealed record ScheduleRuntime(ServingDatabase Database, string ConfigDirectory, ScheduleSettings Settings, AlertRules Rules, Subscriptions Subscriptions)
{
    /// <summary>Loads schedule.yaml, alerts.yaml and subscriptions.yaml from the folder (a bad file throws ConfigurationException naming file and field).</summary>
    public static ScheduleRuntime Load(ServingDatabase database, string configDirectory) =>
        new(database, configDirectory, ScheduleSettings.Load(configDirectory), AlertRules.Load(configDirectory), Subscriptions.Load(configDirectory));

    /// <summary>The options of the refresh the scheduler runs: the serve host's database and config, the folders of schedule.yaml.</summary>
    public RefreshOptions RefreshOptions => new()
    {
        DataDirectory = Settings.DataDirectory,
        ConfigDirectory = ConfigDirectory,
        PipelinesDirectory = Settings.PipelinesDirectory,
        DropRoot = Settings.DropRoot,
        Database = Database,
        AuditWitness = Settings.AuditWitness,
    };
}
