using SingleView.Ingest.Definitions;
using SingleView.Ingest.Zones;
using SingleView.Standardise.Reading;

namespace SingleView.Standardise.Output;

/// <summary>A quarantined row of a delivery: its line, its record id when the row has a readable one, and why it was set aside.</summary>
public sealed record QuarantinedRecord(long LineNumber, string? RecordId, string Reason);

/// <summary>
/// The quarantined rows of a standardised delivery with their record ids, so that an evaluation can say
/// which truth rows never reached matching and why. The quarantine keeps each row's line and raw text;
/// the record id is read from the raw delivery with the feed's own reader, as standardising read it.
/// </summary>
public static class QuarantinedRecords
{
    public static async Task<IReadOnlyList<QuarantinedRecord>> ReadAsync(Lake lake, FeedDefinition definition, StandardisedDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(delivery);
        var entries = await QuarantineFile.ReadAsync(delivery.QuarantinePath, cancellationToken);
        if (entries.Count == 0) return [];
        var lines = entries.Select(e => e.LineNumber).ToHashSet();
        var recordIds = new Dictionary<long, string>();
        var raw = lake.RawDeliveries(delivery.Feed).LastOrDefault(d => d.DeliveryDate == delivery.DeliveryDate && d.FileName == delivery.FileName);
        if (raw is not null)
        {
            using var reader = DeliveryReader.Open(raw.Path, definition, poolStrings: false);
            if (reader.Problem is null)
            {
                foreach (var line in reader.Read(cancellationToken))
                {
                    if (line is not DeliveryRow row || !lines.Contains(row.LineNumber)) continue;
                    var recordId = row.Cell(definition.RecordIdColumn)?.Trim();
                    if (!string.IsNullOrEmpty(recordId)) recordIds[row.LineNumber] = recordId;
                }
            }
        }

        return entries.Select(e => new QuarantinedRecord(e.LineNumber, recordIds.GetValueOrDefault(e.LineNumber), e.Reason)).ToList();
    }
}
