using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using SingleView.Cli.Commands.Accuracy;
using SingleView.Core.Configuration;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Samples;
using SingleView.Samples.Corruption.Independent;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview bench accuracy</c>: for each benchmark set under <c>scripts/bench/accuracy/</c>, a data
/// directory with the feed definitions a user would write, one real nightly refresh (the code path of
/// <c>singleview refresh</c>), and the published links scored against the set's truth over every input
/// row: a row that was quarantined or otherwise never published counts with all its pairs missed.
/// </summary>
internal static class BenchAccuracyCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The date every delivery is stamped with and generated data is current as of: fixed, so that a set
    /// gives the same figures on any day (ages, and so the generators' data, are worked back from it).
    /// </summary>
    private static readonly DateOnly ExtractDate = new(2026, 11, 20);

    public static Command Create(CommandContext context)
    {
        var sets = new Option<string[]>("--sets") { Description = "Sets to run, by folder name (default: every folder of --definitions with a set.yaml)", AllowMultipleArgumentsPerToken = true };
        var definitions = new Option<string>("--definitions") { Description = "Folder of the benchmark sets: <set>/set.yaml and <set>/pipelines/", DefaultValueFactory = _ => Path.Combine("scripts", "bench", "accuracy") };
        var benchmarks = new Option<string>("--benchmarks") { Description = "Folder of the public benchmark files that the sets' deliveries name", DefaultValueFactory = _ => Path.Combine("..", "shared", "benchmarks") };
        var work = new Option<string?>("--work") { Description = "Scratch folder: per set its drops, data directory and refresh log (default: a temporary folder; generated sets are kept for re-runs)" };
        var check = new Option<bool>("--check") { Description = "Exit 1 if any set misses one of its targets" };
        var showMissed = new Option<int>("--show-missed") { Description = "Per set, list this many missed pairs (with where each went) and false links, as feed:id feed:id for `explain`", DefaultValueFactory = _ => 0 };
        var command = new Command("accuracy", "Refresh each benchmark set with user-written feed definitions and score the published links over every input row");
        foreach (var option in new Option[] { sets, definitions, benchmarks, work, check, showMissed }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var root = result.GetValue(definitions)!;
            if (!Directory.Exists(root)) throw new ConfigurationException(root, "(folder)", "the benchmark sets folder does not exist (--definitions)");
            var names = result.GetValue(sets) is { Length: > 0 } chosen
                ? chosen.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "set.yaml"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            var loaded = names.Select(n => AccuracySet.Load(Path.Combine(root, n))).ToList();
            var folder = result.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "singleview-bench-accuracy");
            var rows = new List<(AccuracySet Set, AccuracyFigures Figures, double CpuSeconds)>();
            foreach (var set in loaded)
            {
                context.Error.WriteLine($"{set.Name}: {set.Description}");
                try
                {
                    var (figures, cpu) = await RunSetAsync(context, set, result.GetValue(benchmarks)!, result.GetValue(CommonOptions.Config)!, Path.Combine(folder, set.Name), result.GetValue(showMissed), cancellationToken);
                    rows.Add((set, figures, cpu));
                }
                catch (InvalidOperationException exception)
                {
                    // An empty publication scores nothing: saying 1.0 would hide that every row was lost.
                    context.Error.WriteLine($"error: {set.Name}: {exception.Message} (see {Path.Combine(folder, set.Name, "refresh.log")})");
                    return CommandLine.ExitFailure;
                }
            }

            var missed = Print(context.Output, rows);
            context.Output.WriteLine($"Per set: drops, data directory and refresh.log under {folder}");
            return result.GetValue(check) && missed > 0 ? CommandLine.ExitFailure : CommandLine.ExitOk;
        });
        return command;
    }

    internal static async Task<(AccuracyFigures Figures, double CpuSeconds)> RunSetAsync(
        CommandContext context, AccuracySet set, string benchmarks, string config, string folder, int listLimit, CancellationToken cancellationToken)
    {
        var (drops, truth) = Prepare(set, benchmarks, folder);
        var options = new RefreshOptions
        {
            DataDirectory = Path.Combine(folder, "data"),
            ConfigDirectory = config,
            PipelinesDirectory = set.PipelinesDirectory,
            DropRoot = drops,
        };
        // Every run is a first night: no lake, no serving database from an earlier run.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(options.DataDirectory)) Directory.Delete(options.DataDirectory, recursive: true);

        // The refresh's own report and warnings go to the set's log, so the table stays readable.
        var log = Path.Combine(folder, "refresh.log");
        double cpuSeconds;
        await using (var writer = new StreamWriter(log))
        {
            var refreshContext = context with { Output = writer, Error = writer };
            using var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            var report = await RefreshCommand.RunAsync(refreshContext, options, cancellationToken);
            process.Refresh();
            cpuSeconds = (process.TotalProcessorTime - before).TotalSeconds;
            // A held feed's rows count as never published; say why, or the recall looks like the matcher's doing.
            foreach (var held in RefreshExitCodes.HeldFeeds(report))
            {
                context.Error.WriteLine($"warning: {set.Name}: feed {held.Feed} {held.State}: {held.Message} (its rows count as never published)");
            }
        }

        var (published, decisions) = await ReadPublishedAsync(options.ResolvedDatabase, cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (AccuracyScore.Of(truth, published, decisions, listLimit), cpuSeconds);
    }

    /// <summary>The drop folders of the set and its truth: public files copied in as one extract each, or a generator's output.</summary>
    private static (string Drops, AccuracyTruth Truth) Prepare(AccuracySet set, string benchmarks, string folder)
    {
        var stamp = ExtractDate.ToString("yyyyMMdd", Invariant);
        if (set.Generator is { } generator)
        {
            // Kept between runs: generating is not what is measured.
            var source = Path.Combine(folder, string.Create(Invariant, $"source-{generator.Kind}-{generator.Flavour}-{generator.Size}-{generator.Seed}"));
            if (!File.Exists(Path.Combine(source, set.TruthFile!)))
            {
                if (Directory.Exists(source)) Directory.Delete(source, recursive: true);
                Generate(generator, source);
            }

            return (Path.Combine(source, "drops"), AccuracyTruth.FromFiles(Path.Combine(source, set.TruthFile!), set.TwinsFile is null ? null : Path.Combine(source, set.TwinsFile)));
        }

        var drops = Path.Combine(folder, "drops");
        if (Directory.Exists(drops)) Directory.Delete(drops, recursive: true);
        var delivered = new List<(string Feed, string File)>();
        foreach (var (feed, source) in set.Deliveries)
        {
            var file = Path.Combine(benchmarks, source);
            if (!File.Exists(file)) throw new ConfigurationException(Path.Combine(set.Folder, "set.yaml"), "deliveries", $"'{file}' does not exist (see --benchmarks)");
            var target = Path.Combine(drops, feed, $"{feed}_{stamp}.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            delivered.Add((feed, file));
        }

        return (drops, AccuracyTruth.FromRecordIds(set, delivered));
    }

    private static void Generate(SetGenerator generator, string folder)
    {
        switch (generator.Kind)
        {
            case GeneratorKind.Authority:
                SampleAuthorityGenerator.Generate(new SampleAuthorityOptions { Children = generator.Size, Seed = generator.Seed, OutputDirectory = folder, ExtractDate = ExtractDate });
                break;
            case GeneratorKind.Independent:
                IndependentGenerator.Generate(new IndependentOptions
                {
                    Flavour = IndependentFlavours.Parse(generator.Flavour ?? throw new ArgumentException("an independent generator set needs generator.flavour")),
                    People = generator.Size,
                    Seed = generator.Seed,
                    OutputDirectory = folder,
                    ExtractDate = ExtractDate,
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(generator), generator.Kind, "unknown generator");
        }
    }

    private static async Task<(Dictionary<(string, string), PublishedRecord> Published, Dictionary<((string, string), (string, string)), bool> Decisions)> ReadPublishedAsync(
        ServingDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var published = new Dictionary<(string, string), PublishedRecord>();
        foreach (var row in await connection.QueryAsync<(string Feed, string RecordId, string GoldenId, string? DateOfBirth)>(
            "SELECT feed, record_id, golden_id, date_of_birth FROM source_record"))
        {
            var dateOfBirth = row.DateOfBirth is null ? (DateOnly?)null : DateOnly.ParseExact(row.DateOfBirth, "yyyy-MM-dd", Invariant);
            published[(row.Feed, row.RecordId)] = new PublishedRecord(row.GoldenId, dateOfBirth);
        }

        var decisions = new Dictionary<((string, string), (string, string)), bool>();
        foreach (var pair in await connection.QueryAsync<(string FeedA, string RecordA, string FeedB, string RecordB, string Decision)>(
            "SELECT feed_a, record_a, feed_b, record_b, decision FROM match_pair"))
        {
            decisions[AccuracyScore.Ordered((pair.FeedA, pair.RecordA), (pair.FeedB, pair.RecordB))] = pair.Decision == "link";
        }

        return (published, decisions);
    }

    /// <summary>The table, one line per set; returns how many sets missed a target.</summary>
    internal static int Print(TextWriter output, IReadOnlyList<(AccuracySet Set, AccuracyFigures Figures, double CpuSeconds)> rows)
    {
        output.WriteLine("set          records  unpublished  true pairs  precision  recall   F1      review  twins merged  refresh CPU  targets");
        var missedSets = 0;
        foreach (var (set, f, cpu) in rows)
        {
            var missed = Missed(set.Targets, f);
            if (missed.Count > 0) missedSets++;
            var truePairs = f.TruePositivePairs + f.FalseNegativePairs;
            var twins = f.TwinPairs == 0 ? "-" : string.Create(Invariant, $"{f.TwinPairsMerged} of {f.TwinPairs}");
            output.WriteLine(string.Create(Invariant,
                $"{set.Name,-12} {f.Records,7}  {f.Unpublished,11}  {truePairs,10}  {f.Precision,9:0.0000}  {f.Recall,6:0.0000}  {f.F1,6:0.0000}  {f.ReviewShare,6:0.00%}  {twins,12}  {cpu,9:0.0} s  {(missed.Count == 0 ? "met" : "MISSED " + string.Join(", ", missed))}"));
        }

        output.WriteLine();
        output.WriteLine("Missed pairs by where they went: a record never published / in review / linked but split by the cluster guard / no published decision (never a candidate, or below review)");
        foreach (var (set, f, _) in rows)
        {
            output.WriteLine(string.Create(Invariant,
                $"  {set.Name,-12} {f.FalseNegativePairs,6} missed: {f.PairsLostUnpublished} unpublished ({f.Unpublished} rows), {f.MissedInReview} in review, {f.MissedLinkedButSplit} split, {f.MissedNotLinked} no decision"));
        }

        foreach (var (set, f, _) in rows.Where(r => r.Figures.MissedExamples.Count + r.Figures.FalseLinkExamples.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"{set.Name}: missed pairs ({set.Name}'s data directory holds them for `explain`)");
            foreach (var line in f.MissedExamples) output.WriteLine($"  {line}");
            if (f.FalseLinkExamples.Count > 0) output.WriteLine($"{set.Name}: false links");
            foreach (var line in f.FalseLinkExamples) output.WriteLine($"  {line}");
        }

        return missedSets;
    }

    internal static List<string> Missed(AccuracyTargets targets, AccuracyFigures figures)
    {
        var missed = new List<string>();
        if (figures.Precision < targets.Precision) missed.Add(string.Create(Invariant, $"precision < {targets.Precision}"));
        if (figures.Recall < targets.Recall) missed.Add(string.Create(Invariant, $"recall < {targets.Recall}"));
        if (figures.ReviewShare > targets.ReviewShare) missed.Add(string.Create(Invariant, $"review > {targets.ReviewShare:0.##%}"));
        if (figures.TwinPairsMerged > targets.TwinsMerged) missed.Add(string.Create(Invariant, $"twins merged > {targets.TwinsMerged}"));
        return missed;
    }
}
