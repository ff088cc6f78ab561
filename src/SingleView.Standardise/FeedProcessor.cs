using Microsoft.Extensions.Logging;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Transport;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Output;

namespace SingleView.Standardise;

/// <summary>
/// One feed's nightly ingest: lands new files from its drop folder in the raw zone, standardises the
/// newest delivery (each is a full snapshot) into the standardised zone with its quarantine, and says
/// how the feed stands. A delivery that cannot be trusted is held and the last good one stays in use,
/// so a broken extract never empties a service's involvement in the view.
/// </summary>
public sealed class FeedProcessor(Lake lake, TimeProvider timeProvider, ILogger<FeedProcessor> logger)
{
    public async Task<StandardisedFeed> ProcessAsync(FeedDefinition definition, string dropRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var listing = new DropFolderTransport(dropRoot).List(definition);
        var landedCount = 0;
        foreach (var file in listing.Files)
        {
            var landing = await lake.LandAsync(definition, file, timeProvider, cancellationToken);
            if (!landing.NewlyLanded) continue;
            landedCount++;
            logger.LogInformation("{Feed}: landed {File} ({Rows} rows, delivery {Date:yyyy-MM-dd}) as {RawPath}",
                definition.Feed, file.FileName, landing.Delivery.Manifest.Rows, file.DeliveryDate, lake.RelativePath(landing.Delivery.Path));
        }

        var previous = lake.LatestStandardisedDelivery(definition.Feed);
        // The newest landed delivery not yet standardised: new today, or held before and tried again so
        // that a re-run after a crash finishes the job and a held delivery keeps saying why.
        var candidate = lake.LatestRawDelivery(definition.Feed);
        if (candidate is not null && DeliveryOrder.IsNewer(candidate, previous))
        {
            return await new DeliveryStandardiser(lake, definition, logger).StandardiseAsync(candidate, previous, cancellationToken);
        }

        if (previous is not null)
        {
            var message = landedCount > 0
                ? $"the file(s) received are older than {previous.FileName} ({previous.DeliveryDate:yyyy-MM-dd}), which stays in use"
                : $"no new delivery in {listing.Folder}; {previous.FileName} ({previous.DeliveryDate:yyyy-MM-dd}) stays in use";
            logger.LogInformation("{Feed}: {Message}", definition.Feed, message);
            return await PreviousAsync(definition, previous, FeedState.NoNewDelivery, message, cancellationToken);
        }

        var nothing = listing.FolderExists
            ? $"the drop folder {listing.Folder} holds no file matching {definition.Transport.FilePattern}"
            : $"the drop folder {listing.Folder} is missing";
        logger.LogWarning("{Feed}: source not available: {Message}", definition.Feed, nothing);
        return new StandardisedFeed(definition, Coverage(definition, FeedState.NotAvailable, null, 0, 0, nothing), []);
    }

    /// <summary>
    /// The feed held for a reason found outside <see cref="ProcessAsync"/> (an unexpected failure):
    /// the last good delivery stays in use if it can be read, else the feed has nothing.
    /// </summary>
    public async Task<StandardisedFeed> HoldAsync(FeedDefinition definition, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var previous = lake.LatestStandardisedDelivery(definition.Feed);
        return await PreviousAsync(definition, previous, FeedState.Held, message, cancellationToken);
    }

    internal static async Task<StandardisedFeed> PreviousAsync(
        FeedDefinition definition, StandardisedDelivery? previous, FeedState state, string message, CancellationToken cancellationToken)
    {
        if (previous is null) return new StandardisedFeed(definition, Coverage(definition, state, null, 0, 0, message), []);
        var records = new List<PersonRecord>();
        await foreach (var record in StandardisedZoneFile.ReadAsync(previous.Path, cancellationToken)) records.Add(record);
        var quarantined = QuarantineFile.CountLines(previous.QuarantinePath);
        return new StandardisedFeed(definition, Coverage(definition, state, previous.DeliveryDate, records.Count, quarantined, message), records);
    }

    internal static FeedCoverage Coverage(FeedDefinition definition, FeedState state, DateOnly? currentAsOf, int rows, int quarantined, string? message) => new()
    {
        Feed = definition.Feed,
        SourceSystem = definition.SourceSystem,
        Service = definition.Service,
        State = state,
        CurrentAsOf = currentAsOf,
        CoverageStart = definition.Coverage.Start,
        CoverageEnd = definition.Coverage.End,
        CoverageArea = definition.Coverage.Area,
        Rows = rows,
        Quarantined = quarantined,
        Message = message,
    };
}
