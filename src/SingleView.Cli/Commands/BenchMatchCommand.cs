using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SingleView.Core.Model;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using MatchDecision = SingleView.Match.Scoring.MatchDecision;
using SingleView.Refresh.Evaluation;
using SingleView.Samples;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview bench match</c>: generates an authority, standardises it through a scratch lake, then
/// times the match stage's steps (blocking, scoring, clustering) over several runs. With
/// <c>--evaluate</c> it also scores the last run against the generated truth, in memory.
/// </summary>
internal static class BenchMatchCommand
{
    public static Command Create(CommandContext context)
    {
        var children = new Option<int>("--children") { Description = "Children in the generated authority (about 1.8 source records each)", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 42 };
        var runs = new Option<int>("--runs") { Description = "Match runs to time (the median is printed)", DefaultValueFactory = _ => 3 };
        var work = new Option<string?>("--work") { Description = "Scratch folder for the authority and lake (default: a temporary folder, kept for re-runs)" };
        var evaluate = new Option<bool>("--evaluate") { Description = "Score the last run against the generated truth" };
        var fresh = new Option<bool>("--fresh") { Description = "Standardise the generated drops again even if the scratch lake holds them" };
        var showMissed = new Option<int>("--show-missed") { Description = "With --evaluate: list this many missed pairs and false links with their waterfalls", DefaultValueFactory = _ => 0 };
        var dump = new Option<string?>("--dump") { Description = "Write the last run's pairs (decisions, waterfalls) and people to this file, to compare two builds' output" };
        var command = new Command("match", "Time blocking, scoring and clustering of the match stage on a generated authority");
        foreach (var option in new Option[] { children, seed, runs, work, evaluate, showMissed, fresh, dump }) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(children);
            var folder = result.GetValue(work) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"singleview-bench-match-{count}-{result.GetValue(seed)}"));
            var drops = Path.Combine(folder, "authority", "drops");
            var truthFile = Path.Combine(folder, "authority", "truth.csv");
            if (!File.Exists(truthFile))
            {
                SamplesCommand.Generate(context, new SampleAuthorityOptions
                {
                    Children = count,
                    Seed = result.GetValue(seed),
                    OutputDirectory = Path.Combine(folder, "authority"),
                    ExtractDate = new DateOnly(2026, 11, 20),
                });
            }

            var lake = Path.Combine(folder, "lake");
            // The lake of an earlier run is reused (standardising a million rows takes minutes); --fresh starts again.
            var reuse = Directory.Exists(lake) && !result.GetValue(fresh);
            if (!reuse && Directory.Exists(lake)) Directory.Delete(lake, recursive: true);
            var clock = Stopwatch.StartNew();
            var feeds = await StandardisedRecords.LoadAsync(
                result.GetValue(CommonOptions.Pipelines)!, lake, reuse ? Path.Combine(folder, "no-new-drops") : drops, context.TimeProvider, cancellationToken);
            var records = feeds.SelectMany(f => f.Records).ToList();
            var output = context.Output;
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{records.Count} standardised records from {feeds.Count} feeds in {clock.Elapsed.TotalSeconds:0.0} s"));

            GC.Collect();
            var loaded = Process.GetCurrentProcess().WorkingSet64;
            output.WriteLine(string.Create(c, $"working set with the records loaded {loaded / (1024.0 * 1024):0} MiB"));
            var model = MatchModelLoader.LoadDirectory(result.GetValue(CommonOptions.Config)!);
            var engine = new MatchEngine(model);
            MatchResult? last = null;
            var timings = new List<MatchTimings>();
            var cpuSeconds = new List<double>();
            var matchPeak = 0L;
            for (var run = 1; run <= Math.Max(1, result.GetValue(runs)); run++)
            {
                last = null; // the previous run's result is not part of this run's memory
                GC.Collect();
                // CPU time of the whole process (both cores) over the run: the figure to compare on a shared machine.
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                using (var sampler = new WorkingSetSampler())
                {
                    last = engine.Run(records);
                    matchPeak = Math.Max(matchPeak, sampler.Peak);
                }

                cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                timings.Add(last.Timings);
                output.WriteLine(string.Create(c,
                    $"run {run}: preparing {last.Timings.Preparing.TotalSeconds:0.00} s, blocking {last.Timings.Blocking.TotalSeconds:0.00} s, scoring {last.Timings.Scoring.TotalSeconds:0.00} s, clustering {last.Timings.Clustering.TotalSeconds:0.00} s, total {last.Timings.Total.TotalSeconds:0.00} s, CPU {cpuSeconds[^1]:0.00} s"));
                if (last.Timings.ProcessorTime is { } processor)
                {
                    output.WriteLine(string.Create(c,
                        $"       CPU: preparing {processor.Preparing.TotalSeconds:0.00} s, blocking {processor.Blocking.TotalSeconds:0.00} s, scoring {processor.Scoring.TotalSeconds:0.00} s, clustering {processor.Clustering.TotalSeconds:0.00} s"));
                }
            }

            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            }

            output.WriteLine(string.Create(c,
                $"median of {timings.Count} (wall): preparing {Median(timings.Select(t => t.Preparing.TotalSeconds)):0.00} s, blocking {Median(timings.Select(t => t.Blocking.TotalSeconds)):0.00} s, scoring {Median(timings.Select(t => t.Scoring.TotalSeconds)):0.00} s, clustering {Median(timings.Select(t => t.Clustering.TotalSeconds)):0.00} s, total {Median(timings.Select(t => t.Total.TotalSeconds)):0.00} s, CPU {Median(cpuSeconds):0.00} s"));
            var processors = timings.Select(t => t.ProcessorTime).OfType<MatchTimings>().ToList();
            if (processors.Count > 0)
            {
                output.WriteLine(string.Create(c,
                    $"median of {processors.Count} (CPU): preparing {Median(processors.Select(t => t.Preparing.TotalSeconds)):0.00} s, blocking {Median(processors.Select(t => t.Blocking.TotalSeconds)):0.00} s, scoring {Median(processors.Select(t => t.Scoring.TotalSeconds)):0.00} s, clustering {Median(processors.Select(t => t.Clustering.TotalSeconds)):0.00} s"));
            }

            output.WriteLine(string.Create(c,
                $"{records.Count} records, {last!.CandidatePairs} candidate pairs, {last.Linked} links, {last.ReviewPairs} for review, {last.People.Count} people, {last.Unmatchable} unmatchable"));
            output.WriteLine(string.Create(c, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB (whole process); during the match runs {matchPeak / (1024.0 * 1024):0} MiB, {(matchPeak - loaded) / (1024.0 * 1024):0} MiB over the loaded records"));

            if (result.GetValue(dump) is { } dumpFile) Dump(dumpFile, last);
            if (result.GetValue(evaluate))
            {
                // Truth rows quarantined are counted as not published, with why.
                var quarantined = new Dictionary<SourceRecordKey, string>();
                var zones = new Ingest.Zones.Lake(lake);
                foreach (var feed in feeds)
                {
                    if (zones.LatestStandardisedDelivery(feed.Definition.Feed) is not { } delivery) continue;
                    foreach (var row in await Standardise.Output.QuarantinedRecords.ReadAsync(zones, feed.Definition, delivery, cancellationToken))
                    {
                        if (row.RecordId is not null) quarantined.TryAdd(new SourceRecordKey(feed.Definition.Feed, row.RecordId), "quarantined: " + row.Reason);
                    }
                }

                Evaluate(output, engine, records, last, truthFile, result.GetValue(showMissed), quarantined);
            }
            return CommandLine.ExitOk;
        });
        return command;
    }

    /// <summary>The largest working set seen, sampled every 20 ms until disposed.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampling;
        private long peak;

        public WorkingSetSampler()
        {
            sampling = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using (var process = Process.GetCurrentProcess()) Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), process.WorkingSet64));
                    try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public long Peak => Interlocked.Read(ref peak);

        public void Dispose()
        {
            stop.Cancel();
            sampling.Wait();
            stop.Dispose();
        }
    }

    /// <summary>Every pair with its decision and full waterfall, then every person: two builds that decide alike write the same file.</summary>
    private static void Dump(string file, MatchResult result)
    {
        var c = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(file);
        foreach (var pair in result.Pairs)
        {
            var explanation = pair.Explanation;
            writer.WriteLine(string.Create(c,
                $"{pair.Left} {pair.Right} {pair.Decision} {pair.BlockingRule} person={pair.DecidedByPerson} prior={explanation.Prior:R} weight={explanation.MatchWeight:R} p={explanation.MatchProbability:R} [{string.Join("; ", explanation.SafeguardsApplied)}]"));
            foreach (var outcome in explanation.Comparisons)
            {
                writer.WriteLine(string.Create(c, $"  {outcome.Comparison} {outcome.Level} {outcome.Weight:R} tf={outcome.IsTermFrequencyAdjustment} '{outcome.LeftValue}' '{outcome.RightValue}'"));
            }
        }

        foreach (var person in result.People) writer.WriteLine(string.Join(' ', person.Select(r => r.Key.ToString())));
    }

    /// <summary>What the review queue holds: pairs of one true person or two, by their levels and safeguards.</summary>
    private static void ReviewPatterns(TextWriter output, MatchResult result, GroundTruth truth)
    {
        string PersonOf(SourceRecordKey key) => truth.People.TryGetValue((key.Feed, key.RecordId), out var p) ? p.PersonId : key.ToString();
        var patterns = result.Pairs.Where(p => p.Decision == MatchDecision.Review)
            .GroupBy(p => (
                Same: PersonOf(p.Left) == PersonOf(p.Right),
                Levels: string.Join(' ', p.Explanation.Comparisons.Where(c => !c.IsTermFrequencyAdjustment && c.Comparison is "first_name" or "family_name" or "date_of_birth" or "address")
                    .Select(c => c.Level)),
                Safeguards: string.Join("; ", p.Explanation.SafeguardsApplied.Select(s => s.Length > 30 ? s[..30] : s))))
            .OrderByDescending(g => g.Count())
            .Take(20);
        output.WriteLine();
        output.WriteLine("Review queue by pattern (same true person?, first/family/dob/address levels, safeguards):");
        foreach (var group in patterns) output.WriteLine($"  {group.Count(),5}  {(group.Key.Same ? "same  " : "differ")}  {group.Key.Levels}  [{group.Key.Safeguards}]");
    }

    private static void Evaluate(TextWriter output, MatchEngine engine, List<PersonRecord> records, MatchResult result, string truthFile, int show, IReadOnlyDictionary<SourceRecordKey, string> quarantined)
    {
        var clustered = new List<ClusteredRecord>(records.Count);
        var byKey = new Dictionary<SourceRecordKey, PersonRecord>(records.Count);
        for (var person = 0; person < result.People.Count; person++)
        {
            foreach (var record in result.People[person])
            {
                byKey[record.Key] = record;
                var unmatchable = record.FirstName is null && record.FamilyName is null && record.DateOfBirth is null
                    && record.NhsNumber is null && record.Upn is null && record.CasePersonId is null;
                clustered.Add(new ClusteredRecord(record.Key, person.ToString(CultureInfo.InvariantCulture), record.DateOfBirth, unmatchable));
            }
        }

        var report = TruthEvaluation.Evaluate(new EvaluationInput
        {
            Truth = TruthEvaluation.ReadTruth(truthFile),
            Published = clustered,
            NotPublished = quarantined,
            ReviewPairs = result.ReviewPairs,
            ListLimit = show,
        });
        EvaluateCommand.Print(output, report);
        var explainer = new RunExplainer(engine.Model, records);
        void List(string title, IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> pairs)
        {
            if (pairs.Count == 0) return;
            output.WriteLine();
            output.WriteLine(title);
            foreach (var (left, right) in pairs)
            {
                if (report.Unpublished.ContainsKey(left) || report.Unpublished.ContainsKey(right))
                {
                    output.WriteLine($"{left}  ~  {right}  record unpublished: {string.Join("; ", new[] { left, right }.Where(report.Unpublished.ContainsKey).Select(k => $"{k} {report.Unpublished[k]}"))}");
                    continue;
                }

                var explained = explainer.Explain(left, right);
                ExplainCommand.Print(output, explained, ReplayedDecision.Of(explained, null), engine.Model, againstStored: false);
            }
        }

        ReviewPatterns(output, result, TruthEvaluation.ReadTruth(truthFile));
        List("Missed pairs (same true person, different clusters):", report.MissedPairs);
        List("False links (different true people, one cluster):", report.FalseLinks);
    }
}
