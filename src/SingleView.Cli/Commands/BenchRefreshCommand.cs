using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SingleView.Publish;
using SingleView.Refresh;
using SingleView.Samples;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview bench refresh</c>: the whole nightly refresh (ingest and standardise, match, golden IDs,
/// golden records, families, publish) of a generated authority into a fresh SQLite database, and into a
/// fresh PostgreSQL database too when <c>--database Host=...</c> is given. Prints each stage's seconds,
/// their medians over the runs, and the peak working set sampled during the refresh.
/// </summary>
internal static class BenchRefreshCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create(CommandContext context)
    {
        var children = new Option<int>("--children") { Description = "Children in the generated authority (about 1.8 source records each)", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var runs = new Option<int>("--runs") { Description = "Refreshes to time per database, each into a fresh database (the median is printed)", DefaultValueFactory = _ => 1 };
        var work = new Option<string?>("--work") { Description = "Scratch folder for the authority and data (default: a temporary folder; the authority is kept for re-runs)" };
        var heap = new Option<bool>("--heap") { Description = "After each stage, collect garbage and print the live managed heap (slows the run; for finding what holds memory)" };
        var command = new Command("refresh", "Time the full refresh of a generated authority, stage by stage, with its peak memory");
        foreach (var option in new Option[] { children, seed, runs, work, heap }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(children);
            var folder = result.GetValue(work) ?? Path.Combine(Path.GetTempPath(), string.Create(Invariant, $"singleview-bench-refresh-{count}-{result.GetValue(seed)}"));
            var authority = Path.Combine(folder, "authority");
            if (!File.Exists(Path.Combine(authority, "truth.csv")))
            {
                SamplesCommand.Generate(context, new SampleAuthorityOptions { Children = count, Seed = result.GetValue(seed), OutputDirectory = authority, ExtractDate = new DateOnly(2026, 11, 20) });
            }

            var options = new RefreshOptions
            {
                DataDirectory = Path.Combine(folder, "data"),
                ConfigDirectory = result.GetValue(CommonOptions.Config)!,
                PipelinesDirectory = result.GetValue(CommonOptions.Pipelines)!,
                DropRoot = Path.Combine(authority, "drops"),
            };
            // As `singleview refresh` does: a batch, so no background (concurrent) GC.
            System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
            var runCount = Math.Max(1, result.GetValue(runs));
            var liveHeap = result.GetValue(heap);
            await BenchAsync(context, "SQLite", options, runCount, liveHeap, () => Task.FromResult<(ServingDatabase, Func<Task>)>(
                (RefreshOptions.DefaultDatabase(options.DataDirectory), () => Task.CompletedTask)), cancellationToken);
            if (result.GetValue(CommonOptions.Database) is { } postgres && postgres.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
            {
                await BenchAsync(context, "PostgreSQL", options, runCount, liveHeap, () => FreshPostgreSqlAsync(postgres), cancellationToken);
            }

            return CommandLine.ExitOk;
        });
        return command;
    }

    private static async Task BenchAsync(
        CommandContext context, string name, RefreshOptions options, int runs, bool liveHeap, Func<Task<(ServingDatabase Database, Func<Task> Drop)>> create, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var reports = new List<RefreshReport>();
        var peaks = new List<long>();
        for (var run = 1; run <= runs; run++)
        {
            // Every run starts from nothing: no lake, no serving database, so each is a first night. A pooled
            // SQLite connection would still hold the deleted file open and hand the next run last run's database.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(options.DataDirectory)) Directory.Delete(options.DataDirectory, recursive: true);
            var (database, drop) = await create();
            try
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                await using var sampler = new PeakMemorySampler();
                var cpu = new CpuTimePerStage(liveHeap, sampler);
                var report = await new NightlyRefresh(context.TimeProvider, NullLoggerFactory.Instance).RunAsync(options with { Database = database }, cpu, cancellationToken);
                reports.Add(report);
                peaks.Add(sampler.Peak);
                output.WriteLine(string.Create(Invariant, $"{name} run {run}: {report.Duration.TotalSeconds:0.0} s wall, {cpu.Total.TotalSeconds:0.0} s CPU, peak working set {Mib(sampler.Peak):0} MiB"));
                for (var i = 0; i < report.Stages.Count; i++)
                {
                    var live = liveHeap ? string.Create(Invariant, $" {Mib(cpu.LiveHeap[i]),6:0} MiB live") : "";
                    output.WriteLine(string.Create(Invariant, $"  {report.Stages[i].Duration.TotalSeconds,7:0.00} s wall {cpu.Stages[i].TotalSeconds,7:0.00} s CPU {Mib(cpu.StagePeaks[i]),6:0} MiB peak {cpu.Collections[i].FullCollections,3} gen2 {cpu.Collections[i].Paused.TotalSeconds,6:0.00} s GC pause{live}  {report.Stages[i].Stage}"));
                }

                // The publish steps follow each other from the start of the last stage.
                var stepStart = report.Stages.Take(report.Stages.Count - 1).Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Duration);
                foreach (var step in report.PublishSteps)
                {
                    var stepPeak = sampler.PeakBetween(stepStart, stepStart + step.Duration);
                    stepStart += step.Duration;
                    output.WriteLine(string.Create(Invariant, $"          publish {step.Duration.TotalSeconds,6:0.00} s wall {step.Cpu?.TotalSeconds ?? 0,6:0.00} s CPU {Mib(stepPeak),6:0} MiB peak  {step.Stage}"));
                }
            }
            finally
            {
                await drop();
            }
        }

        var last = reports[^1];
        output.WriteLine(string.Create(Invariant, $"{name}, median of {reports.Count}: {last.SourceRecords} source records, {last.GoldenRecords} golden records, {last.Families} families"));
        for (var i = 0; i < last.Stages.Count; i++)
        {
            output.WriteLine(string.Create(Invariant, $"  {Median(reports.Select(r => r.Stages[i].Duration.TotalSeconds)),7:0.00} s  {last.Stages[i].Stage}"));
        }

        output.WriteLine(string.Create(Invariant, $"  {Median(reports.Select(r => r.Duration.TotalSeconds)),7:0.00} s  total; peak working set {Mib((long)Median(peaks.Select(p => (double)p))):0} MiB"));
    }

    /// <summary>A new, empty database on the server of <paramref name="connectionString"/>, dropped after the run.</summary>
    private static async Task<(ServingDatabase Database, Func<Task> Drop)> FreshPostgreSqlAsync(string connectionString)
    {
        // The name is generated here, never input: database names cannot be parameters.
        var name = "singleview_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(connectionString)) await connection.ExecuteAsync($"CREATE DATABASE {name}");
        var database = ServingDatabase.PostgreSql(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ToString());
        return (database, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024);

    /// <summary>
    /// CPU time of the whole process between progress reports (one per stage): on a shared machine wall
    /// time depends on the neighbours, CPU time much less.
    /// </summary>
    private sealed class CpuTimePerStage : IProgress<string>
    {
        private readonly Process process = Process.GetCurrentProcess();
        private readonly bool liveHeap;
        private readonly PeakMemorySampler sampler;
        private readonly TimeSpan start;
        private TimeSpan last;
        private int lastFullCollections = GC.CollectionCount(2);
        private TimeSpan lastPaused = GC.GetTotalPauseDuration();

        public CpuTimePerStage(bool liveHeap, PeakMemorySampler sampler)
        {
            this.liveHeap = liveHeap;
            this.sampler = sampler;
            start = last = process.TotalProcessorTime;
        }

        public List<TimeSpan> Stages { get; } = [];

        /// <summary>Full (gen2) collections and the time the GC paused the process, per stage: how much of a stage is the heap's size.</summary>
        public List<(int FullCollections, TimeSpan Paused)> Collections { get; } = [];

        /// <summary>The peak working set during each stage.</summary>
        public List<long> StagePeaks { get; } = [];

        /// <summary>With --heap: the managed heap still reachable at the end of each stage.</summary>
        public List<long> LiveHeap { get; } = [];

        public TimeSpan Total => last - start;

        public void Report(string value)
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            Stages.Add(now - last);
            StagePeaks.Add(sampler.TakeStagePeak());
            var (fullCollections, paused) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
            Collections.Add((fullCollections - lastFullCollections, paused - lastPaused));
            if (liveHeap)
            {
                // Outside the stage's CPU figure: the collection is the benchmark's, not the refresh's.
                LiveHeap.Add(GC.GetTotalMemory(forceFullCollection: true));
                process.Refresh();
                now = process.TotalProcessorTime;
            }

            last = now;
            (lastFullCollections, lastPaused) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        }
    }

    /// <summary>
    /// The largest working set seen while it lives, sampled every 50 ms: the process's own peak would
    /// include generating the authority, which is not part of a refresh.
    /// </summary>
    private sealed class PeakMemorySampler : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampling;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly List<(TimeSpan At, long WorkingSet)> samples = [];
        private long peak;
        private long stagePeak;

        public PeakMemorySampler() => sampling = Task.Run(SampleAsync);

        public long Peak
        {
            get
            {
                lock (stop) return peak;
            }
        }

        /// <summary>The peak since the last call (sampled once more now, so a short stage is not missed).</summary>
        public long TakeStagePeak()
        {
            Sample();
            lock (stop)
            {
                var stage = stagePeak;
                stagePeak = 0;
                return stage;
            }
        }

        /// <summary>The largest sample taken between two times since sampling started (0 if none).</summary>
        public long PeakBetween(TimeSpan from, TimeSpan to)
        {
            lock (stop) return samples.Where(s => s.At >= from && s.At <= to).Select(s => s.WorkingSet).DefaultIfEmpty(0).Max();
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await sampling;
            stop.Dispose();
        }

        private async Task SampleAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            do
            {
                Sample();
            }
            while (await WaitAsync(timer));
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var now = process.WorkingSet64;
            lock (stop)
            {
                samples.Add((clock.Elapsed, now));
                peak = Math.Max(peak, now);
                stagePeak = Math.Max(stagePeak, now);
            }
        }

        private async Task<bool> WaitAsync(PeriodicTimer timer)
        {
            try
            {
                return await timer.WaitForNextTickAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
