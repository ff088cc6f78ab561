using System.Globalization;
using System.Text;

namespace SingleView.Match.Training;

/// <summary>Writes config/match-parameters.yaml: every level's m and u with where they came from, and the training's provenance.</summary>
public static class MatchParametersWriter
{
    public static string Write(TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = result.Model;
        var p = model.Provenance;
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        Line("# Trained match parameters, written by `singleview train`. Do not edit by hand: retrain.");
        Line("# config/matching.yaml defines the comparisons and levels; this file gives their m and u.");
        Line($"source: {Quote(p.Source)}");
        Line($"trained_at: {Quote(p.TrainedAt ?? string.Empty)}");
        Line(string.Create(c, $"records: {p.Records}"));
        Line("feeds:");
        foreach (var feed in p.Feeds) Line($"  - {Quote(feed)}");
        Line(string.Create(c, $"seed: {p.Seed}"));
        Line(string.Create(c, $"random_pairs: {p.RandomPairs}"));
        Line("training_blocking_rules:");
        foreach (var rule in p.TrainingBlockingRules) Line($"  - {Quote(rule)}");
        Line("expectation_maximisation:");
        foreach (var run in result.Runs)
        {
            Line($"  - blocking_rule: {Quote(run.BlockingRule)}");
            Line(string.Create(c, $"    pairs: {run.Pairs}"));
            Line($"    held_out: [{string.Join(", ", run.HeldOut)}]");
            Line(string.Create(c, $"    iterations: {run.Iterations}"));
            Line($"    converged: {(run.Converged ? "true" : "false")}");
            Line(string.Create(c, $"    last_change: {run.LastChange:G6}"));
            Line(string.Create(c, $"    matching_share: {run.MatchingShare:G6}"));
            if (run.Note is not null) Line($"    note: {Quote(run.Note)}");
        }

        Line("# Per blocking rule of matching.yaml: the candidate pairs it adds, and those the trained model links before safeguards.");
        Line("blocking_rules:");
        foreach (var rule in result.Blocking)
        {
            Line($"  - name: {Quote(rule.BlockingRule)}");
            Line(string.Create(c, $"    candidate_pairs: {rule.CandidatePairs}"));
            Line(string.Create(c, $"    likely_matches: {rule.LikelyMatches}"));
        }

        Line(string.Create(c, $"prior_match_probability: {model.PriorMatchProbability:G8}"));
        Line($"prior_source: {Quote(result.PriorSource)}");
        Line("comparisons:");
        foreach (var comparison in model.Comparisons)
        {
            Line($"  {comparison.Name}:");
            foreach (var level in comparison.Levels)
            {
                var sources = level.Source.Split("; u: ");
                var mSource = sources[0].StartsWith("m: ", StringComparison.Ordinal) ? sources[0][3..] : sources[0];
                var uSource = sources.Length > 1 ? sources[1] : sources[0];
                Line(string.Create(c, $"    {level.Name}: {{ m: {level.M:G8}, u: {level.U:G8}, m_source: {Quote(mSource)}, u_source: {Quote(uSource)} }}"));
            }
        }

        return text.ToString();
    }
}
