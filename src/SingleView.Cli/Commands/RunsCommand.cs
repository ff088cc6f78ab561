using System.CommandLine;
using SingleView.Publish;
using SingleView.Schedule.History;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview runs</c>: the refresh run history the scheduler records, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CommandContext context)
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to show", DefaultValueFactory = _ => 20 };
        var details = new Option<bool>("--details") { Description = "Also show each run's feeds (rows in and out, linked, review) and stages" };
        var command = new Command("runs", "Show the refresh run history: stages, rows per feed, links, review, duration, outcome");
        command.Options.Add(limit);
        command.Options.Add(details);
        command.SetAction(async (result, cancellationToken) =>
        {
            var database = CommonOptions.DatabaseFrom(result);
            // The history tables come with the migrations; applying them makes an empty history, not an error.
            await new MigrationRunner(database, context.TimeProvider).ApplyAsync(cancellationToken);
            var runs = await new RunHistory(database, context.TimeProvider).RecentAsync(result.GetValue(limit), cancellationToken);
            await context.Output.WriteAsync(RunHistoryText.Format(runs, result.GetValue(details)));
            return CommandLine.ExitOk;
        });
        return command;
    }
}
