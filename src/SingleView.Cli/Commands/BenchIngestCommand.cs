using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Standardise;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview bench ingest --rows N</c>: writes an N-row children's social care delivery in the
/// committed lcs feed's format (rows of the committed sample, each given a new id), then times
/// landing and standardisation into a scratch lake, with records streamed (not kept) as the ingest
/// verb runs (landing is also timed alone, outside the run's figures). Prints MB/s, rows/s and the
/// process's peak working set; run it at two sizes to see that memory stays flat. Not a test:
/// nothing is asserted.
/// </summary>
internal static class BenchIngestCommand
{
    private const string Feed = "lcs";

    public static Command Create(CommandContext context)
    {
        var rows = new Option<int>("--rows") { Description = "Rows in the generated delivery", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Runs to time (the median is printed)", DefaultValueFactory = _ => 3 };
        var work = new Option<string?>("--work") { Description = "Scratch folder (default: a temporary folder, deleted afterwards)" };
        var samples = new Option<string>("--samples") { Description = "Committed sample authority whose lcs rows are repeated", DefaultValueFactory = _ => "samples" };
        var command = new Command("ingest", "Time landing and standardisation of a generated delivery (MB/s, rows/s, peak memory)");
        foreach (var option in new Option[] { rows, runs, work, samples }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var definition = FeedDefinitionLoader.LoadDirectory(result.GetValue(CommonOptions.Pipelines)!).Single(d => d.Feed == Feed);
            var folder = result.GetValue(work) ?? Directory.CreateTempSubdirectory("singleview-bench-ingest-").FullName;
            try
            {
                await RunAsync(context, definition, folder, result.GetValue(samples)!, result.GetValue(rows), Math.Max(1, result.GetValue(runs)), cancellationToken);
            }
            finally
            {
                if (result.GetValue(work) is null) Directory.Delete(folder, recursive: true);
            }

            return CommandLine.ExitOk;
        });
        return command;
    }

    private static async Task RunAsync(CommandContext context, FeedDefinition definition, string folder, string samples, int rowCount, int runs, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var c = CultureInfo.InvariantCulture;
        var drops = Path.Combine(folder, "drops");
        var delivery = Path.Combine(drops, definition.Transport.DropFolder, "lcs_20261120.csv");
        var bytes = Generate(Path.Combine(samples, "drops", Feed, "lcs_20261120.csv"), delivery, rowCount);
        output.WriteLine(string.Create(c, $"Generated {rowCount:N0} rows, {bytes / 1e6:0.0} MB ({definition.DefinitionFile} format) on {Environment.ProcessorCount} cores"));

        var timings = new List<(double Seconds, double CpuSeconds, int Rows)>();
        for (var run = 1; run <= runs; run++)
        {
            // Each run starts from a collected heap, so that the peak working set is one run's, not the
            // garbage of earlier runs that a lazy full collection has not yet freed.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var lake = new Lake(Path.Combine(folder, "lake"));
            if (Directory.Exists(lake.Root)) Directory.Delete(lake.Root, recursive: true);
            var processor = new FeedProcessor(lake, context.TimeProvider, NullLogger<FeedProcessor>.Instance, new FeedProcessorOptions { RetainRecords = false });
            var landing = await TimeLandingAsync(context, definition, drops, Path.Combine(folder, "landing-only"), cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            // As a nightly run: the feed lands the new file (hashed once, while it is copied) and standardises it.
            var feed = await processor.ProcessAsync(definition, drops, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            timings.Add((seconds, cpuSeconds, feed.Coverage.Rows));
            output.WriteLine(string.Create(c,
                $"  run {run}: {seconds:0.00} s (landing alone {landing.Seconds:0.00} s, CPU {landing.CpuSeconds:0.00} s), {bytes / 1e6 / seconds:0.0} MB/s, {rowCount / seconds:N0} rows/s, CPU {cpuSeconds:0.00} s ({bytes / 1e6 / cpuSeconds:0.0} MB/s per core); {feed.Coverage.Rows:N0} standardised, {feed.Coverage.Quarantined:N0} quarantined"));
        }

        // Wall and CPU medians are taken separately: on a shared machine the run that waited longest for
        // a core is not the one that used the most CPU, and CPU-seconds are the figure to compare.
        var medianSeconds = timings.Select(t => t.Seconds).Order().ElementAt(timings.Count / 2);
        var medianCpuSeconds = timings.Select(t => t.CpuSeconds).Order().ElementAt(timings.Count / 2);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(string.Create(c,
            $"Median of {runs}: {medianSeconds:0.00} s, {bytes / 1e6 / medianSeconds:0.0} MB/s, {rowCount / medianSeconds:N0} rows/s; CPU {medianCpuSeconds:0.00} s, {bytes / 1e6 / medianCpuSeconds:0.0} MB/s per CPU-second, {rowCount / medianCpuSeconds:N0} rows per CPU-second; peak working set {process.PeakWorkingSet64 / 1e6:0} MB"));
    }

    // Landing on its own, into a lake of its own, untimed in the run's figures: the run itself lands the
    // file once, as a nightly run does (landing it here first would make the run hash it a second time).
    private static async Task<(double Seconds, double CpuSeconds)> TimeLandingAsync(
        CommandContext context, FeedDefinition definition, string drops, string folder, CancellationToken cancellationToken)
    {
        var lake = new Lake(folder);
        if (Directory.Exists(lake.Root)) Directory.Delete(lake.Root, recursive: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var listing = new Ingest.Transport.DropFolderTransport(drops).List(definition);
        await lake.LandAsync(definition, listing.Files.Single(), context.TimeProvider, cancellationToken);
        var timing = (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        Directory.Delete(lake.Root, recursive: true);
        return timing;
    }

    // The sample's rows, over and over, each with a fresh Person ID so that none is a duplicate.
    private static long Generate(string sample, string path, int rows)
    {
        var lines = File.ReadAllLines(sample, Encoding.UTF8);
        var header = lines[0].TrimStart('\uFEFF');
        var bodies = lines.Skip(1).Where(l => l.Length > 0).Select(l => l[l.IndexOf(';', StringComparison.Ordinal)..]).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(header);
            writer.Write("\r\n");
            for (var i = 0; i < rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"LCS{i:D8}"));
                writer.Write(bodies[i % bodies.Length]);
                writer.Write("\r\n");
            }
        }

        return new FileInfo(path).Length;
    }
}
