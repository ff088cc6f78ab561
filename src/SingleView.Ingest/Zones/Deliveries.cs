namespace SingleView.Ingest.Zones;

/// <summary>A file landed in the raw zone, with its manifest.</summary>
public sealed record RawDelivery(string Path, RawManifest Manifest)
{
    public string Feed => Manifest.Feed;
    public DateOnly DeliveryDate => Manifest.DeliveryDate;
    public string FileName => Manifest.FileName;
}

/// <summary>A delivery standardised into the common data model, and where its rejected rows went.</summary>
public sealed record StandardisedDelivery(string Feed, DateOnly DeliveryDate, string FileName, string Path, string QuarantinePath);

/// <summary>The outcome of landing one file: the delivery in the raw zone, and whether this call landed it.</summary>
public sealed record LandingResult(RawDelivery Delivery, bool NewlyLanded);

/// <summary>Deliveries are full snapshots ordered by delivery date, then file name: the last is the newest.</summary>
public static class DeliveryOrder
{
    public static int Compare(DateOnly leftDate, string leftFile, DateOnly rightDate, string rightFile)
    {
        var byDate = leftDate.CompareTo(rightDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(leftFile, rightFile);
    }

    public static bool IsNewer(RawDelivery candidate, StandardisedDelivery? current) =>
        current is null || Compare(candidate.DeliveryDate, candidate.FileName, current.DeliveryDate, current.FileName) > 0;
}
