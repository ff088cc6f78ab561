using CsvHelper;
using Microsoft.Extensions.Logging;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Mapping;
using SingleView.Standardise.Output;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise;

/// <summary>
/// Standardises one raw delivery: rows streamed from the raw file, mapped, and written to the
/// standardised zone and quarantine under temporary names; committed only if the delivery passes
/// its checks (its columns are all there, its row count has not collapsed).
/// </summary>
internal sealed class DeliveryStandardiser(
    Lake lake, FeedDefinition definition, ILogger logger, bool retainRecords = true, int screenRunLength = RecordIdScreen.DefaultRunLength)
{
    public async Task<StandardisedFeed> StandardiseAsync(RawDelivery delivery, StandardisedDelivery? previous, CancellationToken cancellationToken)
    {
        // Nearly every delivery has no duplicated id: one pass, screening ids in flat memory. A delivery
        // whose screen finds repeated hashes is read again, keeping exactly the ids with those hashes.
        var standardisedPath = lake.StandardisedPath(definition.Feed, delivery.DeliveryDate, delivery.FileName);
        using var screen = new RecordIdScreen(standardisedPath + ".ids", screenRunLength);
        var (feed, repeated) = await PassAsync(delivery, previous, standardisedPath, screen, null, cancellationToken);
        if (feed is not null) return feed;
        logger.LogInformation("{Feed}: {File} may hold duplicated record ids ({Count} repeated hashes); reading it again to confirm them", definition.Feed, delivery.FileName, repeated!.Count);
        screen.Dispose();
        (feed, _) = await PassAsync(delivery, previous, standardisedPath, null, new RecordIdRegister(onlyHashes: repeated), cancellationToken);
        return feed!;
    }

    // One read of the delivery. With a screen, ids are only screened: if it finds repeated hashes nothing
    // is committed and those hashes are returned instead of a result. With a register, duplicates are quarantined.
    private async Task<(StandardisedFeed? Feed, HashSet<ulong>? Repeated)> PassAsync(
        RawDelivery delivery, StandardisedDelivery? previous, string standardisedPath, RecordIdScreen? screen, RecordIdRegister? firstLineOfId, CancellationToken cancellationToken)
    {
        using var reader = DeliveryReader.Open(delivery.Path, definition, poolStrings: retainRecords);
        if (reader.Problem is { } problem) return (await HeldAsync(delivery, previous, problem, cancellationToken), null);

        var feed = definition.Feed;
        var rawFile = lake.RelativePath(delivery.Path);
        var mapper = new RecordMapper(definition, delivery.DeliveryDate, rawFile);
        var records = new List<PersonRecord>();
        var accepted = 0;
        await using var standardised = StandardisedZoneFile.Create(
            standardisedPath,
            new StandardisedShared(feed, definition.SourceSystem, delivery.DeliveryDate, rawFile));
        await using var quarantine = QuarantineFile.Create(lake.QuarantinePath(feed, delivery.DeliveryDate, delivery.FileName));
        MappedRow? acceptedRow = null;
        try
        {
            foreach (var line in reader.Read(cancellationToken))
            {
                var rejection = line switch
                {
                    MalformedLine malformed => malformed.Reason,
                    DeliveryRow row => Accept(mapper.Map(row), row.LineNumber, screen, firstLineOfId, out acceptedRow),
                    _ => "unreadable row",
                };
                if (rejection is not null)
                {
                    quarantine.Write(new QuarantineEntry(line.LineNumber, line.RawText, rejection));
                    continue;
                }

                accepted++;
                // The zone is written from the mapped row; a record is made only when something keeps it.
                standardised.Write(acceptedRow!);
                if (retainRecords) records.Add(acceptedRow!.ToPersonRecord());
            }
        }
        catch (CsvFormatException exception)
        {
            // Only the reader's guards throw: the file cannot be trusted.
            return (await HeldAsync(delivery, previous, $"the file cannot be read from line {exception.LineNumber}: {exception.Message}", cancellationToken), null);
        }
        catch (InvalidDataException exception)
        {
            // More broken records than the reader resumes after (DeliveryReader.MaxResumptions).
            return (await HeldAsync(delivery, previous, $"the file cannot be read: {exception.Message}", cancellationToken), null);
        }

        if (screen?.RepeatedHashes() is { Count: > 0 } repeated) return (null, repeated);

        if (accepted == 0)
        {
            await quarantine.CommitAsync(cancellationToken);
            var reason = quarantine.Count == 0 ? "the delivery holds no rows" : $"none of its {quarantine.Count} rows is usable (see the quarantine)";
            return (await HeldAsync(delivery, previous, reason, cancellationToken), null);
        }

        // The quarantine is kept even for a held delivery: it is the evidence of what was wrong with it.
        await quarantine.CommitAsync(cancellationToken);
        var previousRows = previous is null ? 0 : await CountAsync(previous, cancellationToken);
        if (previous is not null && previousRows > 0)
        {
            var dropPercent = 100.0 * (previousRows - accepted) / previousRows;
            if (dropPercent > definition.Expectations.MaxRowDropPercent)
            {
                return (await HeldAsync(
                    delivery,
                    previous,
                    $"{accepted} usable rows ({quarantine.Count} quarantined) against {previousRows} in {previous.FileName}: a fall of {dropPercent:0.#}%, more than the {definition.Expectations.MaxRowDropPercent:0.#}% allowed",
                    cancellationToken), null);
            }
        }

        await standardised.CommitAsync(cancellationToken);
        var message = $"{delivery.FileName}: {accepted} rows standardised, {quarantine.Count} quarantined";
        logger.LogInformation("{Feed}: {Message}", feed, message);
        return (new StandardisedFeed(
            definition,
            FeedProcessor.Coverage(definition, FeedState.Current, delivery.DeliveryDate, accepted, quarantine.Count, message),
            records), null);
    }

    private static string? Accept(MappingResult result, long lineNumber, RecordIdScreen? screen, RecordIdRegister? firstLineOfId, out MappedRow? accepted)
    {
        accepted = null;
        if (result.Row is not { } row) return result.Rejection;
        if (screen is not null)
        {
            screen.Add(row.RecordId);
        }
        else if (!firstLineOfId!.TryAdd(row.RecordId, lineNumber, out var firstLine))
        {
            return $"the record id '{row.RecordId}' is duplicated: first on line {firstLine}";
        }

        accepted = row;
        return null;
    }

    private async Task<StandardisedFeed> HeldAsync(RawDelivery delivery, StandardisedDelivery? previous, string reason, CancellationToken cancellationToken)
    {
        var inUse = previous is null
            ? "no earlier delivery is available"
            : $"{previous.FileName} ({previous.DeliveryDate:yyyy-MM-dd}) stays in use";
        var message = $"{delivery.FileName} was held: {reason}; {inUse}";
        logger.LogWarning("{Feed}: {Message}", definition.Feed, message);
        return await FeedProcessor.PreviousAsync(definition, previous, FeedState.Held, message, retainRecords, cancellationToken);
    }

    private static Task<int> CountAsync(StandardisedDelivery delivery, CancellationToken cancellationToken) =>
        StandardisedZoneFile.CountAsync(delivery.Path, cancellationToken);
}
