using System.CommandLine;
using System.Globalization;
using SingleView.Samples.Corruption.Independent;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview samples independent</c>: the second, independent corruption generator's deliveries, truth
/// and twins, for measuring matching on data the project's own generator did not shape (see
/// <c>bench accuracy</c>, whose uk, historical and few-columns sets are these).
/// </summary>
internal static class IndependentSamplesCommand
{
    public static Command Create(CommandContext context)
    {
        var flavour = new Option<string>("--flavour") { Description = "uk, historical or few-columns", DefaultValueFactory = _ => "uk" };
        var people = new Option<int>("--people") { Description = "True people behind the records", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same files", DefaultValueFactory = _ => 7 };
        var output = new Option<string>("--out") { Description = "Folder for drops/<feed>/, truth.csv and twins.csv", Required = true };
        var extractDate = new Option<string?>("--extract-date") { Description = "Date in the file names and ages are worked back from, yyyy-MM-dd (default: 2026-11-20)" };
        var command = new Command("independent", "Write the deliveries of two or three systems from the independent generator, with truth.csv and twins.csv");
        foreach (var option in new Option[] { flavour, people, seed, output, extractDate }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var options = new IndependentOptions
            {
                Flavour = IndependentFlavours.Parse(result.GetValue(flavour)!),
                People = result.GetValue(people),
                Seed = result.GetValue(seed),
                OutputDirectory = result.GetValue(output)!,
                ExtractDate = result.GetValue(extractDate) is null ? new IndependentOptions().ExtractDate : SamplesCommand.ParseDate(result.GetValue(extractDate), context.TimeProvider),
            };
            var summary = IndependentGenerator.Generate(options);
            var habits = summary.Habits;
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {summary.RowsPerFeed.Values.Sum()} rows of {summary.People} people ({summary.TwinPairs} twin pairs) to {options.OutputDirectory}: {string.Join(", ", summary.RowsPerFeed.Select(f => $"{f.Key} {f.Value}"))}; truth.csv, twins.csv."));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Habits: {habits.ReplacedFirstNames} first names replaced, {habits.SwappedNames} names swapped, {habits.Truncations} truncated, {habits.BlankedFields} fields blanked, {habits.SeveralTypos} values with several slips, {habits.SwappedDayMonth} day/month swapped, {habits.TitlesAsNames} titles as names; identifiers {habits.IdentifiersFilled} filled, {habits.IdentifiersLeftEmpty} left empty."));
            return CommandLine.ExitOk;
        });
        return command;
    }
}
