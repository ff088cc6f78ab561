using System.CommandLine;

namespace SingleView.Cli.Commands;

/// <summary>
/// <c>singleview bench ...</c>: the speed, memory and accuracy benchmarks recorded in docs/benchmarks.md. Each
/// stage registers its own subcommand here; none of them is a test, and none asserts a time.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CommandContext context)
    {
        _ = context;
        var command = new Command("bench", "Measure throughput and memory of a stage, or matching accuracy over benchmark sets (see docs/benchmarks.md)");
        // Subcommands, one line each:
        command.Subcommands.Add(BenchIngestCommand.Create(context));
        command.Subcommands.Add(BenchMatchCommand.Create(context));
        command.Subcommands.Add(BenchRefreshCommand.Create(context));
        command.Subcommands.Add(BenchAccuracyCommand.Create(context));
        return command;
    }
}
