using System.CommandLine;
using Microsoft.Extensions.Logging;
using SingleView.Core.Configuration;
using SingleView.Refresh;
using SingleView.Schedule.History;
using SingleView.Schedule.Storage;

namespace SingleView.Cli.Commands;

/// <summary><c>singleview refresh</c>: one full nightly refresh, from the drop folders to the serving database.</summary>
internal static class RefreshCommand
{
    public static readonly Option<string?> Drops = new("--drops")
    {
        Description = "Root of the partner drop folders (default: <data>/drops)",
    };

    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "refresh",
            "Run the nightly refresh: ingest every feed, match, build golden records, publish atomically." + Environment.NewLine + Environment.NewLine + RefreshExitCodes.Help);
        command.Options.Add(Drops);
        command.SetAction(async (result, cancellationToken) =>
        {
            RefreshReport report;
            try
            {
                report = await RunAsync(context, CommonOptions.RefreshOptionsFrom(result, result.GetValue(Drops)), cancellationToken);
            }
            catch (Exception exception) when (exception is not (ConfigurationException or ArgumentException or OperationCanceledException or RefreshLockBusyException))
            {
                // Whatever went wrong, the publish is one transaction at the end: nothing of this run is in the view.
                await context.Error.WriteLineAsync($"error: the refresh failed and published nothing; the previous view stays: {exception.GetType().Name}: {exception.Message}");
                return RefreshExitCodes.NothingPublished;
            }

            var held = RefreshExitCodes.HeldFeeds(report);
            if (held.Count > 0)
            {
                await context.Error.WriteLineAsync(
                    $"published with {held.Count} feed(s) held or not available (exit {RefreshExitCodes.PublishedWithFeedsHeld}): {string.Join(", ", held.Select(f => f.Feed))}");
            }

            return RefreshExitCodes.For(report);
        });
        return command;
    }

    public static async Task<RefreshReport> RunAsync(CommandContext context, RefreshOptions options, CancellationToken cancellationToken)
    {
        // A refresh is a batch: no background (concurrent) GC competing with it for the two cores while the
        // heap holds a million records. Put back afterwards: `demo` goes on to serve from this process.
        var latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        try
        {
            // The same lock the scheduler's nightly job takes: a refresh by hand never overlaps the night's.
            Directory.CreateDirectory(options.DataDirectory);
            await using var lease = await new RefreshLock(options.ResolvedDatabase, context.TimeProvider)
                .AcquireAsync("singleview refresh (command line)", cancellationToken);
            using var loggerFactory = Logging.Create(context.Error);
            var refresh = new NightlyRefresh(context.TimeProvider, loggerFactory);
            // In the same run history as the scheduler's runs, so `singleview runs` and /admin/runs tell the whole story.
            var history = new RunHistory(options.ResolvedDatabase, context.TimeProvider);
            await history.MarkInterruptedAsync(lease, cancellationToken);
            var historyRunId = await history.StartAsync("cli", 1, Environment.MachineName, cancellationToken);
            RefreshReport report;
            try
            {
                report = await refresh.RunAsync(options, Printing.Progress(context.Error, context.TimeProvider), cancellationToken);
            }
            catch (Exception exception)
            {
                await history.FailedAsync(historyRunId, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
                throw;
            }

            await history.SucceededAsync(historyRunId, report, newEvents: 0, cancellationToken);
            Printing.Report(context.Output, report);
            var ids = report.GoldenIds;
            context.Output.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"  golden IDs: {ids.Created} new, {ids.Returned} returned, {ids.KeptWithChanges} kept with changed records, {ids.Merged} merged (now redirected), {ids.Split} split, {ids.Retired} retired; people's decisions applied: {report.MustLinkDecisions} same, {report.CannotLinkDecisions} different"));
            return report;
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = latency;
        }
    }
}

internal static class Logging
{
    /// <summary>Warnings and errors to standard error, one line each, so a night's problems are visible without noise.</summary>
    public static ILoggerFactory Create(TextWriter error) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Warning)
        .AddProvider(new LineLoggerProvider(error)));

    private sealed class LineLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new LineLogger(writer);

        public void Dispose()
        {
        }
    }

    private sealed class LineLogger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (writer)
            {
                writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}{(exception is null ? string.Empty : " (" + exception.Message + ")")}");
            }
        }
    }
}
