using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SingleView.Schedule.Hosting;

namespace SingleView.Serve.Administration;

/// <summary>
/// Keeps the refresh status (latest run failed, or the last success is too old) for the banner on every
/// page. Read from the run history every half minute rather than per request: a page view must not cost
/// two more queries, and a banner half a minute late is still in time.
/// </summary>
internal sealed class RefreshStatusMonitor(ScheduleControl control, TimeProvider timeProvider, ILogger<RefreshStatusMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Why the view is stale, or null when it is current (or nothing is known yet).</summary>
    public string? Warning { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads the status now; a failure to read keeps the last known warning and is logged.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = await control.StatusAsync(cancellationToken);
            Warning = status.IsStale ? status.Reason : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The banner is advisory: a database hiccup must not stop the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Could not read the refresh status for the stale banner");
        }
    }
}
