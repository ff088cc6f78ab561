using Microsoft.Extensions.Logging;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Transport;
using SingleView.Ingest.Transport.Sftp;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Output;

namespace SingleView.Standardise;

/// <summary>
/// One feed's nightly ingest: pulls an SFTP feed's files into its drop folder, lands new files from
/// the drop folder in the raw zone, standardises the newest delivery (each is a full snapshot) into
/// the standardised zone with its quarantine, and says how the feed stands. A delivery that cannot be
/// trusted is held and the last good one stays in use, so a broken extract never empties a service's
/// involvement in the view.
/// </summary>
public sealed class FeedProcessor(Lake lake, TimeProvider timeProvider, ILogger<FeedProcessor> logger, FeedProcessorOptions? options = null)
{
    private readonly FeedProcessorOptions settings = Validated(options ?? FeedProcessorOptions.Default);

    /// <param name="definition">The feed.</param>
    /// <param name="dropRoot">Where its drop folder is.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="published">
    /// For a refresh, the delivery date each feed's published data is current as of (null: none published), so that a
    /// delivery standardised by a run that never published (killed, failed, or <c>ingest</c> alone) is published as
    /// current, not reported as "no new delivery". Null outside a refresh: the lake alone says what is new.
    /// </param>
    public async Task<StandardisedFeed> ProcessAsync(
        FeedDefinition definition, string dropRoot, CancellationToken cancellationToken, IReadOnlyDictionary<string, DateOnly?>? published = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var abandoned in lake.RemoveAbandonedFiles(definition.Feed))
        {
            logger.LogInformation("{Feed}: removed {Path}, left incomplete by an interrupted run", definition.Feed, abandoned);
        }

        var dropFolder = new DropFolderTransport(dropRoot);
        var sftp = definition.Transport.Sftp is null ? null : new SftpTransport(timeProvider, logger, settings.SftpExecutable);
        var pulled = sftp is null ? [] : await sftp.PullAsync(definition, dropFolder.FolderFor(definition), cancellationToken);

        var listing = dropFolder.List(definition);
        var oldestKept = LakeRetention.OldestKept(definition, Today());
        var landedCount = 0;
        var inLake = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listing.Files)
        {
            // A file already out of retention would be deleted again at once; partners' folders keep old files.
            if (file.DeliveryDate < oldestKept) continue;
            var landing = await lake.LandAsync(definition, file, timeProvider, cancellationToken);
            inLake.Add(file.Path);
            if (!landing.NewlyLanded) continue;
            landedCount++;
            logger.LogInformation("{Feed}: landed {File} ({Rows} rows, delivery {Date:yyyy-MM-dd}) as {RawPath}",
                definition.Feed, file.FileName, landing.Delivery.Manifest.Rows, file.DeliveryDate, lake.RelativePath(landing.Delivery.Path));
        }

        if (sftp is not null) await sftp.AfterLandingAsync(definition, pulled.Where(p => inLake.Contains(p.LocalPath)), cancellationToken);

        var previous = lake.LatestStandardisedDelivery(definition.Feed);
        // The newest landed delivery not yet standardised: new today, or held before and tried again so
        // that a re-run after a crash finishes the job and a held delivery keeps saying why.
        var rawDeliveries = lake.RawDeliveries(definition.Feed);
        var candidate = rawDeliveries.Count > 0 ? rawDeliveries[^1] : null;
        if (candidate is not null && DeliveryOrder.IsNewer(candidate, previous))
        {
            return await new DeliveryStandardiser(lake, definition, logger, settings.RetainRecords, settings.DuplicateScreenRunLength).StandardiseAsync(candidate, previous, cancellationToken);
        }

        var late = Lateness.Notice(
            definition,
            rawDeliveries.Count > 0 ? rawDeliveries.Max(d => d.Manifest.ReceivedAt) : null,
            timeProvider.GetUtcNow(),
            settings.TimeZone);
        if (late is not null) logger.LogWarning("{Feed}: {Late}", definition.Feed, late);
        var latePrefix = late is null ? string.Empty : late + "; ";

        if (previous is not null && published is not null && NeverPublished(previous, published.GetValueOrDefault(definition.Feed)))
        {
            var feed = await PreviousAsync(definition, previous, FeedState.Current, null, settings.RetainRecords, cancellationToken);
            var current = $"{latePrefix}{previous.FileName}: {feed.Coverage.Rows} rows standardised, {feed.Coverage.Quarantined} quarantined (by an earlier run that did not publish it)";
            logger.LogInformation("{Feed}: {Message}", definition.Feed, current);
            return feed with { Coverage = feed.Coverage with { Message = current } };
        }

        if (previous is not null)
        {
            var message = latePrefix + (landedCount > 0
                ? $"the file(s) received are older than {previous.FileName} ({previous.DeliveryDate:yyyy-MM-dd}), which stays in use"
                : $"no new delivery in {listing.Folder}; {previous.FileName} ({previous.DeliveryDate:yyyy-MM-dd}) stays in use");
            logger.LogInformation("{Feed}: {Message}", definition.Feed, message);
            return await PreviousAsync(definition, previous, FeedState.NoNewDelivery, message, settings.RetainRecords, cancellationToken);
        }

        var nothing = latePrefix + (listing.FolderExists
            ? $"the drop folder {listing.Folder} holds no file matching {definition.Transport.FilePattern}"
            : $"the drop folder {listing.Folder} is missing");
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
        return await PreviousAsync(definition, previous, FeedState.Held, message, settings.RetainRecords, cancellationToken);
    }

    /// <summary>
    /// Deletes the feed's lake files older than its retention (the last good delivery is always kept;
    /// see <see cref="LakeRetention"/>), logging each deletion. Returns the deleted paths.
    /// </summary>
    public IReadOnlyList<string> ApplyRetention(FeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var deleted = LakeRetention.Apply(lake, definition, Today());
        foreach (var path in deleted)
        {
            logger.LogInformation("{Feed}: deleted {Path}: older than the {Days}-day retention", definition.Feed, path, definition.Governance.RetentionDays);
        }

        return deleted;
    }

    internal static async Task<StandardisedFeed> PreviousAsync(
        FeedDefinition definition, StandardisedDelivery? previous, FeedState state, string? message, bool retainRecords, CancellationToken cancellationToken)
    {
        if (previous is null) return new StandardisedFeed(definition, Coverage(definition, state, null, 0, 0, message), []);
        var records = new List<PersonRecord>();
        var count = 0;
        await foreach (var record in StandardisedZoneFile.ReadAsync(previous.Path, cancellationToken))
        {
            count++;
            if (retainRecords) records.Add(record);
        }

        var quarantined = QuarantineFile.CountLines(previous.QuarantinePath);
        return new StandardisedFeed(definition, Coverage(definition, state, previous.DeliveryDate, count, quarantined, message), records);
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

    // Published data is current as of a delivery date; a later standardised delivery has not been in the view yet.
    private static bool NeverPublished(StandardisedDelivery delivery, DateOnly? publishedAsOf) => publishedAsOf is not { } asOf || delivery.DeliveryDate > asOf;

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), settings.TimeZone).DateTime);

    private static FeedProcessorOptions Validated(FeedProcessorOptions options)
    {
        options.Validate();
        return options;
    }
}
