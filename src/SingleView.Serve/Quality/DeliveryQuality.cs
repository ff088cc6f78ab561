namespace SingleView.Serve.Quality;

/// <summary>How many of a delivery's records hold a value, and of those how many are valid.</summary>
internal sealed record FieldMeasure(string Field, int Present, int Valid, bool ChecksValidity);

/// <summary>One quarantined row: where it was and why it was kept out.</summary>
internal sealed record QuarantinedRow(long LineNumber, string Reason, string RawText);

/// <summary>The quality of one delivery of a feed, from the lake.</summary>
internal sealed record DeliveryQuality(
    string Feed,
    DateOnly DeliveryDate,
    string FileName,
    DateTimeOffset? ReceivedAt,
    bool Held,
    bool Late,
    int Records,
    IReadOnlyList<FieldMeasure> Fields,
    int Quarantined,
    IReadOnlyDictionary<string, int> QuarantineReasons,
    IReadOnlyList<QuarantinedRow> QuarantinedRows,
    int DuplicatesWithinFeed)
{
    public double Share(int count) => Records == 0 ? 0 : (double)count / Records;
}

/// <summary>A feed's report: its deliveries oldest first (the trend) and what the published data says of it now.</summary>
internal sealed record FeedQuality(
    string Feed,
    string? State,
    string? Message,
    int PublishedRecords,
    int LinkedToOtherFeeds,
    IReadOnlyList<DeliveryQuality> Deliveries)
{
    public double LinkedShare => PublishedRecords == 0 ? 0 : (double)LinkedToOtherFeeds / PublishedRecords;
}
