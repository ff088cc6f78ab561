using System.CommandLine;
using SingleView.Samples;
using SingleView.Serve;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview demo</c>: generate a synthetic authority, run one full refresh over it, and serve
/// the view with the development sign-in until stopped. Everything lands under the data directory.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CommandContext context)
    {
        var children = new Option<int>("--children") { Description = "How many children the synthetic authority holds", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic authority", DefaultValueFactory = _ => 42 };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the refresh instead of serving the view" };
        var command = new Command("demo", "Generate a synthetic authority, run the nightly refresh, and serve the view at 127.0.0.1:5080");
        command.Options.Add(children);
        command.Options.Add(seed);
        command.Options.Add(noServe);
        command.Options.Add(ServeCommand.Url);
        command.SetAction(async (result, cancellationToken) =>
        {
            var data = result.GetValue(CommonOptions.Data)!;
            var authority = Path.Combine(data, "authority");
            SamplesCommand.Generate(context, new SampleAuthorityOptions
            {
                Children = result.GetValue(children),
                Seed = result.GetValue(seed),
                OutputDirectory = authority,
                ExtractDate = DateOnly.FromDateTime(context.TimeProvider.GetUtcNow().UtcDateTime),
            });
            var refreshOptions = CommonOptions.RefreshOptionsFrom(result, Path.Combine(authority, "drops"));
            await RefreshCommand.RunAsync(context, refreshOptions, cancellationToken);
            await context.Output.WriteLineAsync($"Ground truth for `singleview evaluate`: {Path.Combine(authority, "truth.csv")}");
            if (result.GetValue(noServe)) return CommandLine.ExitOk;
            await ServeCommand.RunAsync(
                context,
                new ServeOptions
                {
                    Database = refreshOptions.ResolvedDatabase,
                    ConfigDirectory = refreshOptions.ConfigDirectory,
                    DataDirectory = refreshOptions.DataDirectory,
                    DemoMode = true,
                    Url = result.GetValue(ServeCommand.Url)!,
                },
                cancellationToken);
            return CommandLine.ExitOk;
        });
        return command;
    }
}
