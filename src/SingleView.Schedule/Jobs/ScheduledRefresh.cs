using Microsoft.Extensions.Logging;
using SingleView.Refresh;
using SingleView.Schedule.Alerts;
using SingleView.Schedule.Hosting;
using SingleView.Schedule.History;
using SingleView.Schedule.Storage;

namespace SingleView.Schedule.Jobs;

/// <summary>
/// One refresh as the scheduler runs it: under the refresh lock, recorded in the run history, and
/// followed by alert detection. A failure publishes nothing (NightlyRefresh publishes in one
/// transaction at the end), so the previous view stays in service; it is recorded and reported to the
/// caller, which schedules the retry.
/// </summary>
public sealed class ScheduledRefresh(ScheduleRuntime runtime, RunHistory history, TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<ScheduledRefresh>();

    /// <summary>Runs one refresh; returns its run ID and whether it published.</summary>
    public async Task<(string RunId, bool Succeeded)> RunAsync(string triggerKind, int attempt, CancellationToken cancellationToken = default)
    {
        var host = Environment.MachineName;
        var refreshLock = new RefreshLock(runtime.Database, timeProvider);
        await using var lease = await refreshLock.TryAcquireAsync($"scheduler on {host} ({triggerKind})", cancellationToken);
        if (lease is not null) await history.MarkInterruptedAsync(lease, cancellationToken);
        var runId = await history.StartAsync(triggerKind, attempt, host, cancellationToken);
        if (lease is null)
        {
            var holder = await refreshLock.CurrentHolderAsync(cancellationToken);
            var message = $"another refresh is running ({holder?.Holder ?? "holder unknown"}); nothing was done";
            logger.LogWarning("Refresh {RunId} did not start: {Message}", runId, message);
            await history.FailedAsync(runId, message, cancellationToken);
            return (runId, false);
        }

        try
        {
            var report = await new NightlyRefresh(timeProvider, loggerFactory).RunAsync(runtime.RefreshOptions, null, cancellationToken);
            var newEvents = await new AlertDetector(runtime.Database, runtime.Rules, timeProvider).DetectAsync(runId, cancellationToken);
            await history.SucceededAsync(runId, report, newEvents, cancellationToken);
            return (runId, true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Refresh {RunId} failed; the previous publication stays in service", runId);
            await history.FailedAsync(runId, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
            return (runId, false);
        }
        catch (OperationCanceledException)
        {
            await history.FailedAsync(runId, "cancelled (the host stopped)", CancellationToken.None);
            throw;
        }
    }
}
