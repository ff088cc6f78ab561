using System.CommandLine;
using System.Globalization;
using SingleView.Samples;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview samples generate</c>: a synthetic authority's extracts and the truth behind them.</summary>
internal static class SamplesCommand
{
    public static Command Create(CommandContext context)
    {
        var children = new Option<int>("--children") { Description = "How many children the authority holds", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder for drops/<feed>/ and truth.csv", DefaultValueFactory = _ => "samples" };
        var extractDate = new Option<string?>("--extract-date") { Description = "Date the extracts are current as of, yyyy-MM-dd (default: today)" };
        var generate = new Command("generate", "Write realistic extracts for the partner feeds, with a ground-truth CSV");
        generate.Options.Add(children);
        generate.Options.Add(seed);
        generate.Options.Add(output);
        generate.Options.Add(extractDate);
        generate.SetAction(result =>
        {
            var options = new SampleAuthorityOptions
            {
                Children = result.GetValue(children),
                Seed = result.GetValue(seed),
                OutputDirectory = result.GetValue(output)!,
                ExtractDate = ParseDate(result.GetValue(extractDate), context.TimeProvider),
            };
            Generate(context, options);
            return CommandLine.ExitOk;
        });

        var samples = new Command("samples", "Synthetic data for demonstrations, tests and benchmarks");
        samples.Subcommands.Add(generate);
        samples.Subcommands.Add(IndependentSamplesCommand.Create(context));
        return samples;
    }

    public static SampleAuthoritySummary Generate(CommandContext context, SampleAuthorityOptions options)
    {
        options.Validate();
        var progress = Printing.Progress(context.Error, context.TimeProvider);
        var summary = SampleAuthorityGenerator.Generate(options, progress);
        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote a synthetic authority to {options.OutputDirectory}: {summary.People} people ({summary.Children} children, {summary.Adults} adults) in {summary.Families} families, {summary.TwinPairs} twin pairs; {summary.TotalRows} rows across {summary.RowsPerFeed.Count} feeds, and truth.csv."));
        return summary;
    }

    public static DateOnly ParseDate(string? text, TimeProvider timeProvider)
    {
        if (text is null) return DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"--extract-date '{text}' is not a date as yyyy-MM-dd");
    }
}
