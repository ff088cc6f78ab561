using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Match.Model;
using SingleView.Refresh.Evaluation;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview evaluate</c>: how good the published links are against a ground truth.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandContext context)
    {
        var truth = new Option<string>("--truth") { Description = "Ground-truth CSV: feed,record_id,person_id[,family_id]", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var showMissed = new Option<int>("--show-missed") { Description = "List this many missed pairs, each with its cause (never compared / below threshold / safeguard / in review / record unpublished), and false links", DefaultValueFactory = _ => 0 };
        var twins = new Option<string?>("--twins") { Description = "CSV of person id pairs (as in the truth) that must never be merged: person_id,other_person_id" };
        var command = new Command("evaluate", "Pairwise and cluster precision and recall of the published links against a ground truth (every truth row counted), twins merged, the review queue");
        command.Options.Add(truth);
        command.Options.Add(json);
        command.Options.Add(showMissed);
        command.Options.Add(twins);
        command.SetAction(async (result, cancellationToken) =>
        {
            var definitions = FeedDefinitionLoader.LoadDirectory(result.GetValue(CommonOptions.Pipelines)!);
            var lake = Path.Combine(result.GetValue(CommonOptions.Data)!, "lake");
            EvaluationReport report;
            try
            {
                report = await TruthEvaluation.RunAsync(
                    CommonOptions.DatabaseFrom(result), result.GetValue(truth)!, lake, definitions, result.GetValue(twins), result.GetValue(showMissed), cancellationToken);
            }
            catch (EmptyPublicationException exception)
            {
                await context.Error.WriteLineAsync($"error: {exception.Message}");
                return CommandLine.ExitFailure;
            }

            IReadOnlyList<MissedPair> missed = [];
            if (report.MissedPairs.Count > 0)
            {
                var model = MatchModelLoader.LoadDirectory(result.GetValue(CommonOptions.Config)!);
                var run = await PublishedRun.LoadAsync(CommonOptions.DatabaseFrom(result), lake, model, definitions, context.TimeProvider, cancellationToken);
                missed = await MissedPairCauses.OfAsync(report, run, cancellationToken);
            }

            if (result.GetValue(json)) await context.Output.WriteLineAsync(ToJson(report, missed));
            else
            {
                Print(context.Output, report);
                PrintMissed(context.Output, missed);
                PrintPairs(context.Output, "False links (two true people, one golden record):", report.FalseLinks);
            }

            return CommandLine.ExitOk;
        });
        return command;
    }

    internal static string ToJson(EvaluationReport report, IReadOnlyList<MissedPair>? causes = null)
    {
        var f = report.Figures;
        static List<string> Pairs(IEnumerable<(SourceRecordKey Left, SourceRecordKey Right)> pairs) => pairs.Select(p => $"{p.Left} {p.Right}").ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["precision"] = Math.Round(f.Precision, 6),
            ["recall"] = Math.Round(f.Recall, 6),
            ["f1"] = Math.Round(f.F1, 6),
            ["bcubed_precision"] = Math.Round(report.Clusters.BCubedPrecision, 6),
            ["bcubed_recall"] = Math.Round(report.Clusters.BCubedRecall, 6),
            ["bcubed_f1"] = Math.Round(report.Clusters.BCubedF1, 6),
            ["golden_records_mixing_people"] = report.Clusters.GoldenRecordsMixingPeople,
            ["people_split"] = report.Clusters.PeopleSplitAcrossGoldenRecords,
            ["records"] = f.Records,
            ["golden_records"] = f.GoldenRecords,
            ["true_people"] = f.TruePeople,
            ["true_positive_pairs"] = f.TruePositivePairs,
            ["false_positive_pairs"] = f.FalsePositivePairs,
            ["false_negative_pairs"] = f.FalseNegativePairs,
            ["people_exactly_recovered"] = f.ExactlyRecoveredPeople,
            ["twin_pairs"] = f.TwinPairs,
            ["twin_pairs_merged"] = f.TwinPairsMerged,
            ["review_pairs"] = report.ReviewPairs,
            ["review_share"] = Math.Round(report.ReviewShare, 6),
            ["unmatchable_records"] = report.Unmatchable,
            ["truth_rows"] = report.TruthRows,
            ["truth_rows_not_published"] = report.UnpublishedTruthRows,
            ["not_published_reasons"] = report.UnpublishedReasons.ToDictionary(r => r.Reason, r => r.Rows),
            ["declared_twin_pairs"] = report.DeclaredTwins?.Pairs ?? 0,
            ["declared_twin_pairs_merged"] = report.DeclaredTwins?.Merged ?? 0,
            ["declared_twin_pairs_not_evaluated"] = report.DeclaredTwins?.NotEvaluated ?? 0,
            ["missed_pairs"] = Pairs(report.MissedPairs),
            ["missed_pair_causes"] = (causes ?? []).Select(m => new Dictionary<string, string> { ["left"] = m.Left.ToString(), ["right"] = m.Right.ToString(), ["cause"] = m.Cause, ["detail"] = m.Detail }).ToList(),
            ["false_links"] = Pairs(report.FalseLinks),
        });
    }

    internal static void Print(TextWriter output, EvaluationReport report)
    {
        var f = report.Figures;
        var k = report.Clusters;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Records evaluated      {f.Records}: every truth row ({report.PublishedTruthRows} published, {report.UnpublishedTruthRows} never published: counted as linked to nothing)"));
        foreach (var (reason, rows) in report.UnpublishedReasons.Take(10)) output.WriteLine(string.Create(c, $"  not published        {rows,7}  {reason}"));
        if (report.UnpublishedReasons.Count > 10) output.WriteLine(string.Create(c, $"  not published        {report.UnpublishedReasons.Skip(10).Sum(r => r.Rows),7}  ({report.UnpublishedReasons.Count - 10} other reasons)"));
        output.WriteLine(string.Create(c, $"Pairwise precision     {f.Precision:0.0000}  ({f.TruePositivePairs} true, {f.FalsePositivePairs} false links)"));
        output.WriteLine(string.Create(c, $"Pairwise recall        {f.Recall:0.0000}  ({f.FalseNegativePairs} pairs missed)"));
        output.WriteLine(string.Create(c, $"Pairwise F1            {f.F1:0.0000}"));
        output.WriteLine(string.Create(c, $"B-cubed precision      {k.BCubedPrecision:0.0000}  ({k.GoldenRecordsMixingPeople} golden records mix people)"));
        output.WriteLine(string.Create(c, $"B-cubed recall         {k.BCubedRecall:0.0000}  ({k.PeopleSplitAcrossGoldenRecords} people split across golden records)"));
        output.WriteLine(string.Create(c, $"Golden records         {f.GoldenRecords} for {f.TruePeople} true people ({f.ExactlyRecoveredPeople} recovered exactly)"));
        output.WriteLine(string.Create(c, $"Twin pairs merged      {f.TwinPairsMerged} of {f.TwinPairs} (same family and date of birth in the truth)"));
        if (report.DeclaredTwins is { } twins)
        {
            output.WriteLine(string.Create(c, $"Declared twins merged  {twins.Merged} of {twins.Pairs} (--twins; {twins.NotEvaluated} not evaluated: a person with no published record)"));
            foreach (var (left, right) in twins.MergedPairs) output.WriteLine($"  merged               {left} {right}");
        }

        output.WriteLine(string.Create(c, $"Pairs for review       {report.ReviewPairs} ({report.ReviewShare:0.00%} of {report.PublishedRecords} records)"));
        output.WriteLine(string.Create(c, $"Unmatchable records    {report.Unmatchable} (no name, date of birth or identifier: left alone)"));
    }

    private static void PrintMissed(TextWriter output, IReadOnlyList<MissedPair> missed)
    {
        if (missed.Count == 0) return;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Missed pairs (one true person, two golden records), {missed.Count} listed, by cause:"));
        foreach (var group in missed.GroupBy(m => m.Cause).OrderByDescending(g => g.Count())) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count(),6}  {group.Key}"));
        foreach (var pair in missed) output.WriteLine($"  {pair.Left} {pair.Right}  {pair.Cause}: {pair.Detail}");
    }

    private static void PrintPairs(TextWriter output, string title, IReadOnlyList<(SourceRecordKey Left, SourceRecordKey Right)> pairs)
    {
        if (pairs.Count == 0) return;
        output.WriteLine();
        output.WriteLine(title);
        foreach (var (left, right) in pairs) output.WriteLine($"  {left} {right}");
    }
}
