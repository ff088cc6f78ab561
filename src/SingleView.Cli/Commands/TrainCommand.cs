using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Match.Model;
using SingleView.Match.Training;
using SingleView.Core.Model;
using SingleView.Standardise;
using SingleView.Standardise.Output;

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
        var drops = new Option<string?>("--drops") { Description = "Also read these drop folders' newest files (standardised aside, not landed: the next refresh still finds them new); default: only what the lake holds" };
        var output = new Option<string?>("--out") { Description = "Where to write the parameters (default: <config>/match-parameters.yaml)" };
        var command = new Command("train", "Learn the match model's m, u and prior from the lake's standardised records, without labels");
        foreach (var option in new Option[] { seed, randomPairs, maximumRecords, drops, output }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var config = result.GetValue(CommonOptions.Config)!;
            var data = result.GetValue(CommonOptions.Data)!;
            var feeds = await TrainingRecords.LoadAsync(result.GetValue(CommonOptions.Pipelines)!, Path.Combine(data, "lake"), result.GetValue(drops), context.TimeProvider, cancellationToken);
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
                    .Select(f => string.Create(c, $"{f.Feed} delivery {f.DeliveryDate:yyyy-MM-dd}, {f.Records.Count} records")).ToList(),
                TrainingBlockingRules = configured.TrainingBlockingRules.Select(r => $"{r.Name}: {string.Join(" + ", r.Keys)}").ToList(),
                Seed = options.Seed,
                RandomPairs = options.RandomPairs,
            };
            TrainingResult trained;
            try
            {
                trained = MatchTrainer.Train(configured, records, options, provenance);
            }
            catch (TrainingException exception)
            {
                await context.Error.WriteLineAsync($"error: training failed: {exception.Message}");
                return CommandLine.ExitFailure;
            }

            var file = result.GetValue(output) ?? Path.Combine(config, MatchModelLoader.ParametersFileName);
            var temporary = file + ".tmp";
            await File.WriteAllTextAsync(temporary, MatchParametersWriter.Write(trained), cancellationToken);
            File.Move(temporary, file, overwrite: true);
            foreach (var run in trained.Runs)
            {
                context.Output.WriteLine(run.Note is not null
                    ? $"EM on '{run.BlockingRule}': {run.Note}"
                    : string.Create(c, $"EM on '{run.BlockingRule}': {run.Pairs} pairs, held out [{string.Join(", ", run.HeldOut)}], {run.Iterations} iterations, {(run.Converged ? "converged" : "NOT converged")}, matching share {run.MatchingShare:0.####}"));
            }

            context.Output.WriteLine(string.Create(c, $"prior match probability {trained.Model.PriorMatchProbability:G4} ({trained.PriorSource})"));
            context.Output.WriteLine("Blocking rules (candidate pairs each adds; likely matches: the trained model links them before safeguards):");
            foreach (var rule in trained.Blocking)
            {
                context.Output.WriteLine(string.Create(c, $"  {rule.BlockingRule,-44} {rule.CandidatePairs,10} candidate pairs {rule.LikelyMatches,8} likely matches{(rule.CandidatePairs == 0 ? "  (finds nothing in this data)" : string.Empty)}"));
            }

            var unseen = trained.Model.Comparisons.SelectMany(k => k.Levels.Where(l => l.Source.StartsWith("m: configuration", StringComparison.Ordinal)).Select(l => $"{k.Name}.{l.Name}")).ToList();
            if (unseen.Count > 0) context.Output.WriteLine($"Kept their configured m (no training pair gave evidence): {string.Join(", ", unseen)}");
            context.Output.WriteLine($"Wrote {file} from {records.Count} records in {feeds.Count(f => f.Records.Count > 0)} feeds.");
            return CommandLine.ExitOk;
        });
        return command;
    }
}

/// <summary>One feed's records for training and the delivery they came from.</summary>
internal sealed record TrainingFeed(string Feed, DateOnly DeliveryDate, IReadOnlyList<PersonRecord> Records);

/// <summary>
/// The standardised records training reads, without landing or standardising anything in the lake: the
/// next refresh must still find tonight's deliveries new. Each feed's delivery in use is read from the
/// lake as it stands; with drop folders, their newest files are standardised into a scratch lake that
/// is deleted afterwards (SFTP is not pulled: the partner's files are left for the refresh).
/// </summary>
internal static class TrainingRecords
{
    public static async Task<IReadOnlyList<TrainingFeed>> LoadAsync(
        string pipelinesDirectory, string lakeDirectory, string? dropRoot, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var definitions = FeedDefinitionLoader.LoadDirectory(pipelinesDirectory);
        var lake = new Lake(lakeDirectory);
        var feeds = new List<TrainingFeed>();
        var scratch = dropRoot is null ? null : Directory.CreateTempSubdirectory("singleview-train-").FullName;
        try
        {
            foreach (var definition in definitions)
            {
                if (scratch is not null)
                {
                    var processor = new FeedProcessor(new Lake(scratch), timeProvider, NullLogger<FeedProcessor>.Instance);
                    var fromDrop = await processor.ProcessAsync(definition with { Transport = definition.Transport with { Sftp = null } }, dropRoot!, cancellationToken);
                    if (fromDrop.Records.Count > 0 && fromDrop.Coverage.CurrentAsOf is { } date)
                    {
                        feeds.Add(new TrainingFeed(definition.Feed, date, fromDrop.Records));
                        continue;
                    }
                }

                if (lake.LatestStandardisedDelivery(definition.Feed) is not { } delivery) continue;
                var records = new List<PersonRecord>();
                await foreach (var record in StandardisedZoneFile.ReadAsync(delivery.Path, cancellationToken)) records.Add(record);
                feeds.Add(new TrainingFeed(definition.Feed, delivery.DeliveryDate, records));
            }
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
        }

        return feeds;
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
