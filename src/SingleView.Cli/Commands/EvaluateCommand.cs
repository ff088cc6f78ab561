using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SingleView.Refresh.Evaluation;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview evaluate</c>: how good the published links are against a ground truth.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandContext context)
    {
        var truth = new Option<string>("--truth") { Description = "Ground-truth CSV: feed,record_id,person_id[,family_id]", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var command = new Command("evaluate", "Pairwise precision, recall and F1 of the published links against a ground truth");
        command.Options.Add(truth);
        command.Options.Add(json);
        command.SetAction(async (result, cancellationToken) =>
        {
            var report = await TruthEvaluation.RunAsync(CommonOptions.DatabaseFrom(result), result.GetValue(truth)!, cancellationToken);
            if (result.GetValue(json)) await context.Output.WriteLineAsync(ToJson(report));
            else Print(context.Output, report);
            return CommandLine.ExitOk;
        });
        return command;
    }

    internal static string ToJson(EvaluationReport report)
    {
        var f = report.Figures;
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["precision"] = Math.Round(f.Precision, 6),
            ["recall"] = Math.Round(f.Recall, 6),
            ["f1"] = Math.Round(f.F1, 6),
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
            ["truth_rows_not_published"] = report.UnpublishedTruthRows,
        });
    }

    private static void Print(TextWriter output, EvaluationReport report)
    {
        var f = report.Figures;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Records evaluated      {f.Records} (of {report.TruthRows} truth rows; {report.UnpublishedTruthRows} not published, e.g. quarantined)"));
        output.WriteLine(string.Create(c, $"Pairwise precision     {f.Precision:0.0000}  ({f.TruePositivePairs} true, {f.FalsePositivePairs} false links)"));
        output.WriteLine(string.Create(c, $"Pairwise recall        {f.Recall:0.0000}  ({f.FalseNegativePairs} pairs missed)"));
        output.WriteLine(string.Create(c, $"Pairwise F1            {f.F1:0.0000}"));
        output.WriteLine(string.Create(c, $"Golden records         {f.GoldenRecords} for {f.TruePeople} true people ({f.ExactlyRecoveredPeople} recovered exactly)"));
        output.WriteLine(string.Create(c, $"Twin pairs merged      {f.TwinPairsMerged} of {f.TwinPairs}"));
        output.WriteLine(string.Create(c, $"Pairs for review       {report.ReviewPairs}"));
    }
}
