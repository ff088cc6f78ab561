using SingleView.Publish;

namespace SingleView.Refresh;

/// <summary>Where a refresh reads and writes. Every folder defaults under the working directory.</summary>
public sealed record RefreshOptions
{
    /// <summary>Holds the lake (raw, standardised, quarantine zones) and the default SQLite serving database.</summary>
    public string DataDirectory { get; init; } = ".singleview";
    public string ConfigDirectory { get; init; } = "config";
    public string PipelinesDirectory { get; init; } = "pipelines";
    /// <summary>Root of the partner drop folders; a feed's relative drop folder resolves against it. Default: &lt;data&gt;/drops.</summary>
    public string? DropRoot { get; init; }
    /// <summary>The serving database; default SQLite at &lt;data&gt;/singleview.db.</summary>
    public ServingDatabase? Database { get; init; }
    /// <summary>The run's id in the history and run log; default the start time (yyyyMMddTHHmmssZ), made unique with "-2", "-3"...</summary>
    public string? RunId { get; init; }
    /// <summary>
    /// The access log's witness file, where each publish records the log's head; default beside the serving data
    /// (<see cref="AccessLogWitness.DefaultPath"/>). Keep it out of reach of whoever can change the log.
    /// </summary>
    public string? AuditWitness { get; init; }

    public string ResolvedDropRoot => DropRoot ?? Path.Combine(DataDirectory, "drops");
    public string LakeDirectory => Path.Combine(DataDirectory, "lake");
    public ServingDatabase ResolvedDatabase => Database ?? DefaultDatabase(DataDirectory);
    public string ResolvedAuditWitness => AuditWitness ?? AccessLogWitness.DefaultPath(ResolvedDatabase, DataDirectory);

    public static ServingDatabase DefaultDatabase(string dataDirectory) => ServingDatabase.Sqlite(Path.Combine(dataDirectory, "singleview.db"));

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory)) throw new ArgumentException("The data directory must be named.", nameof(DataDirectory));
        if (!Directory.Exists(ConfigDirectory)) throw new ArgumentException($"The config directory '{ConfigDirectory}' does not exist.", nameof(ConfigDirectory));
        if (!Directory.Exists(PipelinesDirectory)) throw new ArgumentException($"The pipelines directory '{PipelinesDirectory}' does not exist.", nameof(PipelinesDirectory));
    }
}
