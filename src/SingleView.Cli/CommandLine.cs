using System.CommandLine;
using SingleView.Cli.Commands;
using SingleView.Core.Configuration;

namespace SingleView.Cli;

/// <summary>Builds the `singleview` command tree and turns known failures into one-line messages.</summary>
internal static class CommandLine
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadInput = 2;

    public static async Task<int> RunAsync(string[] args, TimeProvider timeProvider, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var context = new CommandContext(timeProvider, output, error);
        var root = new RootCommand("SingleView: nightly matching of partner extracts and a read-only single view of the child.");
        foreach (var option in CommonOptions.All) root.Options.Add(option);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(SamplesCommand.Create(context));
        root.Subcommands.Add(RefreshCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(RunsCommand.Create(context));

        try
        {
            var parsed = root.Parse(args);
            var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            // A command line that does not parse is bad input (System.CommandLine's own code is 1, which refresh uses for "nothing published").
            return parsed.Errors.Count > 0 ? ExitBadInput : exit;
        }
        catch (ConfigurationException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitBadInput;
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitBadInput;
        }
        catch (SingleView.Schedule.Storage.RefreshLockBusyException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitFailure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return ExitFailure;
        }
    }
}

/// <summary>What every command needs from the host: the clock and where to write.</summary>
internal sealed record CommandContext(TimeProvider TimeProvider, TextWriter Output, TextWriter Error);
