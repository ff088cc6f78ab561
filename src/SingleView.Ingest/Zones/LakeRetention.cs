using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Zones;

/// <summary>
/// Deletes a feed's raw, standardised and quarantined files whose delivery date is older than the
/// feed's retention (governance.retention_days), as its sharing agreement requires. The last good
/// delivery — the newest standardised one, still in use by the view — is never deleted, however old:
/// deleting it would empty the service's involvement for a feed that has simply stopped sending.
/// </summary>
public static class LakeRetention
{
    /// <summary>The first delivery date that is kept.</summary>
    public static DateOnly OldestKept(FeedDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return today.AddDays(-definition.Governance.RetentionDays);
    }

    /// <summary>Deletes what is out of retention and returns each deleted path (for the log).</summary>
    public static IReadOnlyList<string> Apply(Lake lake, FeedDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var oldestKept = OldestKept(definition, today);
        var inUse = lake.LatestStandardisedDelivery(definition.Feed);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        if (inUse is not null)
        {
            var raw = Path.Combine(lake.RawFolder(inUse.Feed, inUse.DeliveryDate), inUse.FileName);
            keep.UnionWith([inUse.Path, inUse.QuarantinePath, raw, raw + RawManifest.Suffix]);
        }

        var deleted = new List<string>();
        foreach (var zone in new[] { lake.RawZone, lake.StandardisedZone, lake.QuarantineZone })
        {
            var feedFolder = Path.Combine(zone, definition.Feed);
            if (!Directory.Exists(feedFolder)) continue;
            foreach (var dateFolder in Directory.EnumerateDirectories(feedFolder))
            {
                if (!Lake.TryParseDateFolder(Path.GetFileName(dateFolder), out var date) || date >= oldestKept) continue;
                // The data file before its manifest: a raw file without a manifest is never read as landed.
                foreach (var file in Directory.EnumerateFiles(dateFolder).OrderBy(f => f.EndsWith(RawManifest.Suffix, StringComparison.Ordinal)))
                {
                    if (keep.Contains(file)) continue;
                    File.Delete(file);
                    deleted.Add(lake.RelativePath(file));
                }

                if (!Directory.EnumerateFileSystemEntries(dateFolder).Any()) Directory.Delete(dateFolder);
            }
        }

        return deleted;
    }
}
