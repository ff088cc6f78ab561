using System.CommandLine;
using System.Globalization;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Refresh.Evaluation;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview explain a b</c>: the waterfall for any two records of the published run, linked or not,
/// replayed from the run's own deliveries in the lake (the records exactly as matched, not as published),
/// with whether the pair was a candidate and by which blocking rules, the safeguards that acted, and
/// whether that is the decision the nightly run stored.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CommandContext context)
    {
        var left = new Argument<string>("first") { Description = "A record as <feed>:<record id>" };
        var right = new Argument<string>("second") { Description = "Another record as <feed>:<record id>" };
        var command = new Command("explain", "Show why two records are, or are not, the same person: prior + weights = score, candidate rules, safeguards, the stored decision");
        command.Arguments.Add(left);
        command.Arguments.Add(right);
        command.SetAction(async (result, cancellationToken) =>
        {
            var a = ParseKey(result.GetValue(left));
            var b = ParseKey(result.GetValue(right));
            var model = MatchModelLoader.LoadDirectory(result.GetValue(CommonOptions.Config)!);
            var definitions = FeedDefinitionLoader.LoadDirectory(result.GetValue(CommonOptions.Pipelines)!);
            var database = CommonOptions.DatabaseFrom(result);
            var run = await PublishedRun.LoadAsync(database, Path.Combine(result.GetValue(CommonOptions.Data)!, "lake"), model, definitions, context.TimeProvider, cancellationToken);
            foreach (var key in new[] { a, b }.Where(k => !run.Explainer.Contains(k)))
            {
                await context.Error.WriteLineAsync(run.Quarantined.TryGetValue(key, out var reason)
                    ? $"error: {key} was not published: {reason}"
                    : $"error: no published record {key} (not in the published run's deliveries)");
                return CommandLine.ExitBadInput;
            }

            var explained = run.Explainer.Explain(a, b);
            var replayed = ReplayedDecision.Of(explained, await run.StoredAsync(a, b, cancellationToken));
            Print(context.Output, explained, replayed, model);
            return CommandLine.ExitOk;
        });
        return command;
    }

    private static SourceRecordKey ParseKey(string? text) =>
        SourceRecordKey.TryParse(text, out var key) ? key : throw new ArgumentException($"'{text}' is not <feed>:<record id>");

    /// <param name="againstStored">Whether to say if this is the nightly run's stored decision (not for a benchmark's run in memory).</param>
    internal static void Print(TextWriter output, PairExplanation explained, ReplayedDecision replayed, MatchModel model, bool againstStored = true)
    {
        var c = CultureInfo.InvariantCulture;
        var pair = explained.Pair;
        var e = pair.Explanation;
        output.WriteLine($"{pair.Left}  ~  {pair.Right}");
        output.WriteLine(explained.Candidate
            ? $"  candidate: yes, by {string.Join(", ", explained.CandidateRules.Select(r => $"'{r}'"))} (scored under '{explained.CandidateRules[0]}')"
            : "  candidate: no: no blocking rule puts them together, so the run never compared them");
        foreach (var oversized in explained.OversizedBlocks) output.WriteLine($"  blocking: {oversized}");
        output.WriteLine(string.Create(c, $"  {"prior",-16} {"",-24} {e.Prior,8:+0.00;-0.00}   (prior match probability {model.PriorMatchProbability})"));
        foreach (var outcome in e.Comparisons)
        {
            var values = outcome.Level == "null" ? "(missing on one side)" : $"{outcome.LeftValue} | {outcome.RightValue}";
            output.WriteLine(string.Create(c, $"  {outcome.Comparison,-16} {outcome.Level,-24} {outcome.Weight,8:+0.00;-0.00}   {values}"));
        }

        output.WriteLine(string.Create(c, $"  {"= match weight",-41} {e.MatchWeight,8:+0.00;-0.00}   probability {e.MatchProbability:0.000000}"));
        var decision = explained.Candidate || explained.PersonDecision is not null
            ? replayed.Decision.ToString()
            : $"{replayed.Decision} (never compared; had it been, the score would say {replayed.ScoredDecision})";
        output.WriteLine(string.Create(c, $"  decision: {decision} (link at {model.LinkProbability}, review at {model.ReviewProbability})"));
        if (replayed.Safeguards.Count == 0) output.WriteLine("  safeguard: none acted");
        foreach (var safeguard in replayed.Safeguards) output.WriteLine($"  safeguard: {safeguard}");
        if (againstStored)
        {
            output.WriteLine(replayed.Stored is { } stored
            ? string.Create(c, $"  nightly run: stored '{stored.Decision}' at weight {stored.MatchWeight:+0.00;-0.00}: {(replayed.AgreesWithStored ? "explain agrees" : "explain DIFFERS (configuration or parameters changed since the run?)")}")
                : $"  nightly run: neither linked nor queued: {(replayed.AgreesWithStored ? "explain agrees" : "explain DIFFERS (configuration or parameters changed since the run?)")}");
        }

        output.WriteLine($"  parameters: {model.ParametersSource}");
    }
}
