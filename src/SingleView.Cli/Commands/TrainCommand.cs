using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Match.Model;
using SingleView.Match.Training;
using SingleView.Standardise;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview train</c>: learns the match parameters from the lake's current standardised records
/// (u from random pairs, m and the prior by EM) and writes config/match-parameters.yaml with their
/// provenance. Nightly refreshes load that file and never retrain.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext context)
    {
        var seed = new Option<int>("--seed") { Description = "Seed for the random pairs and any record sample: same data and seed, same parameters", DefaultValueFactory = _ => 42 };
        var randomPairs = new Option<int>("--random-pairs") { Description = "Random record pairs drawn to estimate u", DefaultValueFactory = _ => 1_000_000 };
        var maximumRecords = new Option<int>("--max-records") { Description = "EM trains on a seeded sample of at most this many records", DefaultValueFactory = _ => 300_000 };
        var drops = new Option<string?>("--drops") { Description = "Land and standardise these drop folders first (default: only what the lake already holds)" };
        var output = new Option<string?>("--out") { Description = "Where to write the parameters (default: <config>/match-parameters.yaml)" };
        var command = new Command("train", "Learn the match model's m, u and prior from the lake's standardised records, without labels");
        foreach (var option in new Option[] { seed, randomPairs, maximumRecords, drops, output }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var config = result.GetValue(CommonOptions.Config)!;
            var data = result.GetValue(CommonOptions.Data)!;
            // A drop root that does not exist lands nothing: training reads the lake as it stands.
            var dropRoot = result.GetValue(drops) ?? Path.Combine(data, ".no-drops-for-training");
            var feeds = await StandardisedRecords.LoadAsync(result.GetValue(CommonOptions.Pipelines)!, Path.Combine(data, "lake"), dropRoot, context.TimeProvider, cancellationToken);
            var records = feeds.SelectMany(f => f.Records).ToList();
            var options = new TrainingOptions { Seed = result.GetValue(seed), RandomPairs = result.GetValue(randomPairs), MaximumRecords = result.GetValue(maximumRecords) };
            var configured = MatchModelLoader.LoadConfiguredDirectory(config);
            var c = CultureInfo.InvariantCulture;
            var provenance = new ParameterProvenance
            {
                Source = string.Create(c, $"trained by singleview train on {records.Count} standardised records"),
                TrainedAt = context.TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", c),
                Records = records.Count,
                Feeds = feeds.Where(f => f.Records.Count > 0)
                    .Select(f => string.Create(c, $"{f.Definition.Feed} delivery {f.Coverage.CurrentAsOf:yyyy-MM-dd}, {f.Records.Count} records")).ToList(),
                TrainingBlockingRules = configured.TrainingBlockingRules.Select(r => $"{r.Name}: {string.Join(" + ", r.Keys)}").ToList(),
                Seed = options.Seed,
                RandomPairs = options.RandomPairs,
            };
            var trained = MatchTrainer.Train(configured, records, options, provenance);
            var file = result.GetValue(output) ?? Path.Combine(config, MatchModelLoader.ParametersFileName);
            var temporary = file + ".tmp";
            await File.WriteAllTextAsync(temporary, MatchParametersWriter.Write(trained), cancellationToken);
            File.Move(temporary, file, overwrite: true);
            foreach (var run in trained.Runs)
            {
                context.Output.WriteLine(string.Create(c,
                    $"EM on '{run.BlockingRule}': {run.Pairs} pairs, held out [{string.Join(", ", run.HeldOut)}], {run.Iterations} iterations, {(run.Converged ? "converged" : "NOT converged")}, matching share {run.MatchingShare:0.####}"));
            }

            context.Output.WriteLine(string.Create(c, $"prior match probability {trained.Model.PriorMatchProbability:G4} ({trained.PriorSource})"));
            context.Output.WriteLine($"Wrote {file} from {records.Count} records in {feeds.Count(f => f.Records.Count > 0)} feeds.");
            return CommandLine.ExitOk;
        });
        return command;
    }
}

/// <summary>
/// The standardised records the matcher sees: every feed's current delivery in the lake, after landing
/// and standardising whatever the drop folders hold (none when <c>dropRoot</c> does not exist).
/// </summary>
internal static class StandardisedRecords
{
    public static async Task<IReadOnlyList<StandardisedFeed>> LoadAsync(
        string pipelinesDirectory, string lakeDirectory, string dropRoot, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var definitions = FeedDefinitionLoader.LoadDirectory(pipelinesDirectory);
        var processor = new FeedProcessor(new Lake(lakeDirectory), timeProvider, NullLogger<FeedProcessor>.Instance);
        return await new IngestStage(processor, NullLogger<IngestStage>.Instance).RunAsync(definitions, dropRoot, cancellationToken);
    }
}
