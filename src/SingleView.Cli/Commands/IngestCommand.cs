using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Standardise;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview ingest</c>: only the ingest and standardisation stage, from the drop folders (and SFTP
/// servers) into the lake — no matching, no publishing. Safe to stop at any point and run again: the
/// lake ends as one clean run would leave it. Records are streamed to the lake, not kept in memory.
/// </summary>
internal static class IngestCommand
{
    public static readonly Option<string?> Drops = new("--drops")
    {
        Description = "Root of the partner drop folders (default: <data>/drops)",
    };

    public static Command Create(CommandContext context)
    {
        var command = new Command("ingest", "Land and standardise every feed into the lake (raw, standardised, quarantine zones) without matching or publishing");
        command.Options.Add(Drops);
        command.SetAction(async (result, cancellationToken) =>
        {
            var data = result.GetValue(CommonOptions.Data)!;
            var pipelines = result.GetValue(CommonOptions.Pipelines)!;
            var feeds = await RunAsync(context, pipelines, data, result.GetValue(Drops) ?? Path.Combine(data, "drops"), cancellationToken);
            Print(context.Output, feeds);
            return CommandLine.ExitOk;
        });
        return command;
    }

    public static async Task<IReadOnlyList<StandardisedFeed>> RunAsync(
        CommandContext context, string pipelinesDirectory, string dataDirectory, string dropRoot, CancellationToken cancellationToken)
    {
        var definitions = FeedDefinitionLoader.LoadDirectory(pipelinesDirectory);
        using var loggerFactory = Logging.Create(context.Error);
        var lake = new Lake(Path.Combine(dataDirectory, "lake"));
        var processor = new FeedProcessor(
            lake, context.TimeProvider, loggerFactory.CreateLogger<FeedProcessor>(), new FeedProcessorOptions { RetainRecords = false });
        return await new IngestStage(processor, loggerFactory.CreateLogger<IngestStage>()).RunAsync(definitions, dropRoot, cancellationToken);
    }

    private static void Print(TextWriter output, IReadOnlyList<StandardisedFeed> feeds)
    {
        output.WriteLine("  feed                 state           as of        rows  quarantined  note");
        foreach (var coverage in feeds.Select(f => f.Coverage))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {coverage.Feed,-20} {coverage.State,-15} {coverage.CurrentAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10} {coverage.Rows,6} {coverage.Quarantined,12}  {coverage.Message}"));
        }
    }
}
