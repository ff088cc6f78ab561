using System.CommandLine;
using SingleView.Publish;
using SingleView.Refresh;

namespace SingleView.Cli.Commands;

/// <summary>Options every verb understands: where the data, config and feed definitions are.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "Data directory: the lake and the default SQLite serving database",
        DefaultValueFactory = _ => ".singleview",
        Recursive = true,
    };

    public static readonly Option<string> Config = new("--config")
    {
        Description = "Configuration directory (matching, survivorship, roles, display rules)",
        DefaultValueFactory = _ => "config",
        Recursive = true,
    };

    public static readonly Option<string> Pipelines = new("--pipelines")
    {
        Description = "Feed definitions directory, one YAML file per partner feed",
        DefaultValueFactory = _ => "pipelines",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "Serving database: a SQLite file path, or a PostgreSQL connection string starting Host= (default: <data>/singleview.db)",
        Recursive = true,
    };

    public static readonly Option<string?> AuditWitness = new("--audit-witness")
    {
        Description = "The access log's witness file, where each publish and each audit verify records the log's head (default: beside the serving database; keep it where whoever can change the log cannot)",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Data, Config, Pipelines, Database, AuditWitness];

    public static string AuditWitnessFrom(ParseResult result) =>
        result.GetValue(AuditWitness) ?? AccessLogWitness.DefaultPath(DatabaseFrom(result), result.GetValue(Data)!);

    public static ServingDatabase DatabaseFrom(ParseResult result)
    {
        var database = result.GetValue(Database);
        return database is null ? RefreshOptions.DefaultDatabase(result.GetValue(Data)!) : ServingDatabase.Parse(database);
    }

    public static RefreshOptions RefreshOptionsFrom(ParseResult result, string? dropRoot) => new()
    {
        DataDirectory = result.GetValue(Data)!,
        ConfigDirectory = result.GetValue(Config)!,
        PipelinesDirectory = result.GetValue(Pipelines)!,
        DropRoot = dropRoot,
        Database = DatabaseFrom(result),
        AuditWitness = result.GetValue(AuditWitness),
    };
}
