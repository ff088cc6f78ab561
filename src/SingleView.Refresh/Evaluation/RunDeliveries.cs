using System.Globalization;
using Dapper;
using SingleView.Core.Model;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Publish;
using SingleView.Standardise.Output;

namespace SingleView.Refresh.Evaluation;

/// <summary>
/// The standardised deliveries the published run matched: per feed, the delivery of the date the
/// publication says is current (feed_status.current_as_of), read from the lake as the run read it.
/// Read only: nothing is landed or standardised.
/// </summary>
public sealed class RunDeliveries
{
    private RunDeliveries(Lake lake, IReadOnlyList<StandardisedDelivery> deliveries)
    {
        Lake = lake;
        Deliveries = deliveries;
    }

    public Lake Lake { get; }

    public IReadOnlyList<StandardisedDelivery> Deliveries { get; }

    /// <param name="definitions">The feed definitions: the run read the feeds in their order (pipelines file order), and so do these.</param>
    public static async Task<RunDeliveries> LoadAsync(ServingDatabase database, string lakeDirectory, IReadOnlyList<FeedDefinition> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(database);
        var lake = new Lake(lakeDirectory);
        await using var connection = await database.OpenAsync(cancellationToken);
        var current = await connection.QueryAsync<(string Feed, string? CurrentAsOf)>("SELECT feed, current_as_of FROM feed_status ORDER BY feed");
        var deliveries = new List<StandardisedDelivery>();
        foreach (var (feed, asOf) in current)
        {
            if (asOf is null) continue;
            var date = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (lake.StandardisedDeliveries(feed).LastOrDefault(d => d.DeliveryDate == date) is { } delivery) deliveries.Add(delivery);
        }

        var order = definitions.Select((d, i) => (d.Feed, i)).ToDictionary(p => p.Feed, p => p.i, StringComparer.Ordinal);
        return new RunDeliveries(lake, [.. deliveries.OrderBy(d => order.GetValueOrDefault(d.Feed, int.MaxValue)).ThenBy(d => d.Feed, StringComparer.Ordinal)]);
    }

    /// <summary>The run's records, every feed's in turn, as the matcher saw them.</summary>
    public async Task<List<PersonRecord>> RecordsAsync(CancellationToken cancellationToken)
    {
        var records = new List<PersonRecord>();
        foreach (var delivery in Deliveries)
        {
            await foreach (var record in StandardisedZoneFile.ReadAsync(delivery.Path, cancellationToken)) records.Add(record);
        }

        return records;
    }

    /// <summary>
    /// The quarantined rows of the run's deliveries with why, by record (a record id quarantined twice, as
    /// a duplicate say, keeps its first reason). Feeds without a definition in <paramref name="definitions"/> are skipped.
    /// </summary>
    public async Task<Dictionary<SourceRecordKey, string>> QuarantinedAsync(IReadOnlyList<FeedDefinition> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byFeed = definitions.ToDictionary(d => d.Feed, StringComparer.Ordinal);
        var quarantined = new Dictionary<SourceRecordKey, string>();
        foreach (var delivery in Deliveries)
        {
            if (!byFeed.TryGetValue(delivery.Feed, out var definition)) continue;
            foreach (var row in await QuarantinedRecords.ReadAsync(Lake, definition, delivery, cancellationToken))
            {
                if (row.RecordId is null) continue;
                quarantined.TryAdd(new SourceRecordKey(delivery.Feed, row.RecordId), "quarantined: " + row.Reason);
            }
        }

        return quarantined;
    }
}
