using System.CommandLine;
using System.Globalization;
using SingleView.Core.Model;
using SingleView.Match;
using SingleView.Match.Model;
using SingleView.Match.Scoring;
using SingleView.Refresh;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview explain a b</c>: the waterfall for any two published records, linked or not.</summary>
internal static class ExplainCommand
{
    public static Command Create(CommandContext context)
    {
        var left = new Argument<string>("first") { Description = "A record as <feed>:<record id>" };
        var right = new Argument<string>("second") { Description = "Another record as <feed>:<record id>" };
        var command = new Command("explain", "Show why two records are, or are not, the same person: prior + weights = score");
        command.Arguments.Add(left);
        command.Arguments.Add(right);
        command.SetAction(async (result, cancellationToken) =>
        {
            var a = ParseKey(result.GetValue(left));
            var b = ParseKey(result.GetValue(right));
            var model = MatchModelLoader.LoadDirectory(result.GetValue(CommonOptions.Config)!);
            var records = await PublishedRecords.LoadAsync(CommonOptions.DatabaseFrom(result), [a, b], cancellationToken);
            foreach (var key in new[] { a, b }.Where(k => !records.ContainsKey(k)))
            {
                await context.Error.WriteLineAsync($"error: no published record {key}");
                return CommandLine.ExitBadInput;
            }

            var frequencies = await PublishedFrequenciesAsync(CommonOptions.DatabaseFrom(result), cancellationToken);
            var pair = new MatchEngine(model).Explain(records[a], records[b], frequencies);
            Print(context.Output, pair, model);
            return CommandLine.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// The value frequencies of the published records, so that term-frequency adjustments and the
    /// misspelling level are those the nightly run applied.
    /// </summary>
    private static async Task<ValueFrequencies> PublishedFrequenciesAsync(Publish.ServingDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Dapper.SqlMapper.QueryAsync<(string? FirstName, string? FamilyName, string? Postcode)>(
            connection, "SELECT first_name, family_name, postcode FROM source_record");
        var extractDate = new DateOnly(2000, 1, 1);
        return ValueFrequencies.Of(rows.Select((row, i) => new PersonRecord
        {
            Key = new SourceRecordKey("published", i.ToString(CultureInfo.InvariantCulture)),
            SourceSystem = "published",
            ExtractDate = extractDate,
            FirstName = row.FirstName,
            FamilyName = row.FamilyName,
            Postcode = row.Postcode,
        }));
    }

    private static SourceRecordKey ParseKey(string? text) =>
        SourceRecordKey.TryParse(text, out var key) ? key : throw new ArgumentException($"'{text}' is not <feed>:<record id>");

    internal static void Print(TextWriter output, Match.Scoring.ScoredPair pair, MatchModel model)
    {
        var c = CultureInfo.InvariantCulture;
        var e = pair.Explanation;
        output.WriteLine($"{pair.Left}  ~  {pair.Right}");
        output.WriteLine(string.Create(c, $"  {"prior",-16} {"",-24} {e.Prior,8:+0.00;-0.00}   (prior match probability {model.PriorMatchProbability})"));
        foreach (var outcome in e.Comparisons)
        {
            var values = outcome.Level == "null" ? "(missing on one side)" : $"{outcome.LeftValue} | {outcome.RightValue}";
            output.WriteLine(string.Create(c, $"  {outcome.Comparison,-16} {outcome.Level,-24} {outcome.Weight,8:+0.00;-0.00}   {values}"));
        }

        output.WriteLine(string.Create(c, $"  {"= match weight",-41} {e.MatchWeight,8:+0.00;-0.00}   probability {e.MatchProbability:0.000000}"));
        output.WriteLine(string.Create(c, $"  decision: {pair.Decision} (link at {model.LinkProbability}, review at {model.ReviewProbability})"));
        foreach (var safeguard in e.SafeguardsApplied) output.WriteLine($"  safeguard: {safeguard}");
        output.WriteLine($"  parameters: {model.ParametersSource}");
    }
}
