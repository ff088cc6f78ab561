using System.Globalization;
using System.Security.Cryptography;
using SingleView.Ingest.Definitions;
using SingleView.Ingest.Transport;

namespace SingleView.Ingest.Zones;

/// <summary>
/// The lake: a folder tree under the data directory (ADLS Gen2 mounted there in production).
/// <c>raw/&lt;feed&gt;/&lt;delivery date&gt;/&lt;file&gt;</c> holds files exactly as received with their manifests;
/// <c>standardised/</c> the same deliveries in the common data model; <c>quarantine/</c> the rows that
/// could not be used, with the reason. Every file appears whole or not at all (see <see cref="AtomicFile"/>).
/// </summary>
public sealed class Lake(string root)
{
    public const string RawZoneName = "raw";
    public const string StandardisedZoneName = "standardised";
    public const string QuarantineZoneName = "quarantine";
    public const string StandardisedSuffix = ".jsonl.gz";
    public const string QuarantineSuffix = ".quarantine.jsonl";
    private const string DateFolderFormat = "yyyy-MM-dd";

    // Large reads when hashing and copying: each asynchronous read is a trip through the thread pool.
    private const int CopyBufferBytes = 1 << 20;

    public string Root { get; } = Path.GetFullPath(root);
    public string RawZone => Path.Combine(Root, RawZoneName);
    public string StandardisedZone => Path.Combine(Root, StandardisedZoneName);
    public string QuarantineZone => Path.Combine(Root, QuarantineZoneName);

    public string RawFolder(string feed, DateOnly deliveryDate) => Path.Combine(RawZone, feed, DateFolder(deliveryDate));
    public string StandardisedFolder(string feed, DateOnly deliveryDate) => Path.Combine(StandardisedZone, feed, DateFolder(deliveryDate));
    public string QuarantineFolder(string feed, DateOnly deliveryDate) => Path.Combine(QuarantineZone, feed, DateFolder(deliveryDate));

    public string StandardisedPath(string feed, DateOnly deliveryDate, string fileName) =>
        Path.Combine(StandardisedFolder(feed, deliveryDate), fileName + StandardisedSuffix);

    public string QuarantinePath(string feed, DateOnly deliveryDate, string fileName) =>
        Path.Combine(QuarantineFolder(feed, deliveryDate), fileName + QuarantineSuffix);

    /// <summary>A path inside the lake as it is recorded in lineage: relative to the root, with forward slashes.</summary>
    public string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>
    /// Copies a received file into the raw zone as it is, with its manifest. A file whose SHA-256 has
    /// already been landed for the feed is recognised and not landed again (partners resend; re-runs are safe).
    /// </summary>
    public async Task<LandingResult> LandAsync(FeedDefinition definition, DropFile file, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // Hashing first is needed only when a landed file has the same size: a file of another size cannot
        // be a resend. Otherwise the hash is taken while copying, one read of the file instead of two.
        var landedBefore = RawDeliveries(definition.Feed);
        var size = new FileInfo(file.Path).Length;
        string? sha256 = null;
        if (landedBefore.Any(d => d.Manifest.Bytes == size))
        {
            sha256 = await HashAsync(file.Path, cancellationToken);
            if (landedBefore.FirstOrDefault(d => d.Manifest.Sha256 == sha256) is { } resent) return new LandingResult(resent, NewlyLanded: false);
        }

        var folder = RawFolder(definition.Feed, file.DeliveryDate);
        var fileName = FreeName(folder, file.FileName);
        var target = Path.Combine(folder, fileName);
        long bytes;
        long rows;
        ByteRowCount? rowCount = null;
        await using (var landed = AtomicFile.Create(target))
        {
            string copiedHash;
            await using (var source = OpenForReading(file.Path))
            using (var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[CopyBufferBytes];
                int read;
                var first = true;
                // Synchronous on purpose, as the standardiser reads: on Linux an asynchronous file read or
                // write is the same system call handed to the thread pool, and the hand-over cost more CPU
                // than the copy. The rows are counted as the bytes pass where the byte scan applies.
                while ((read = source.Read(buffer)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var chunk = buffer.AsSpan(0, read);
                    if (first) rowCount = RowCounter.ByteCountFor(chunk, definition.Format.Encoding, definition.Format.Quote);
                    first = false;
                    hasher.AppendData(chunk);
                    rowCount?.Add(chunk);
                    landed.Stream.Write(chunk);
                }

                copiedHash = Convert.ToHexStringLower(hasher.GetHashAndReset());
                bytes = landed.Stream.Length;
            }

            if (sha256 is not null && copiedHash != sha256)
            {
                throw new IOException($"{file.Path} changed while it was being landed; it will be landed on the next run");
            }

            // Grown or shrunk to a landed file's size since it was listed: still recognised (the copy is abandoned).
            if (sha256 is null && landedBefore.FirstOrDefault(d => d.Manifest.Sha256 == copiedHash) is { } resent) return new LandingResult(resent, NewlyLanded: false);
            sha256 = copiedHash;
            await landed.Stream.FlushAsync(cancellationToken);
            rows = rowCount?.Records(definition.Format.Header)
                ?? await RowCounter.CountAsync(landed.TemporaryPath, definition.Format.Encoding, definition.Format.Quote, definition.Format.Header, cancellationToken);
            await landed.CommitAsync(cancellationToken);
        }

        var manifest = new RawManifest(definition.Feed, fileName, file.DeliveryDate, sha256, bytes, rows, timeProvider.GetUtcNow(), file.Path);
        await AtomicFile.WriteAllBytesAsync(target + RawManifest.Suffix, manifest.ToJson(), cancellationToken);
        return new LandingResult(new RawDelivery(target, manifest), NewlyLanded: true);
    }

    /// <summary>
    /// Deletes what a run killed part way left in the feed's zones: temporary files, and raw files whose
    /// manifest was never written (a file is landed only once its manifest is). Call before landing, with
    /// no other run working on the same feed. Returns the lake-relative paths deleted.
    /// </summary>
    public IReadOnlyList<string> RemoveAbandonedFiles(string feed)
    {
        var deleted = new List<string>();
        foreach (var zone in new[] { RawZone, StandardisedZone, QuarantineZone })
        {
            var feedFolder = Path.Combine(zone, feed);
            if (!Directory.Exists(feedFolder)) continue;
            foreach (var file in Directory.EnumerateFiles(feedFolder, "*", SearchOption.AllDirectories).ToList())
            {
                var abandoned = file.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal)
                    || (zone == RawZone && !file.EndsWith(RawManifest.Suffix, StringComparison.Ordinal) && !File.Exists(file + RawManifest.Suffix));
                if (!abandoned) continue;
                File.Delete(file);
                deleted.Add(RelativePath(file));
            }
        }

        return deleted;
    }

    /// <summary>Every completely landed file of the feed (those with a manifest), oldest first.</summary>
    public IReadOnlyList<RawDelivery> RawDeliveries(string feed)
    {
        var feedFolder = Path.Combine(RawZone, feed);
        if (!Directory.Exists(feedFolder)) return [];
        return Directory.EnumerateFiles(feedFolder, "*" + RawManifest.Suffix, SearchOption.AllDirectories)
            .Select(manifestPath => (manifestPath, dataPath: manifestPath[..^RawManifest.Suffix.Length]))
            .Where(p => File.Exists(p.dataPath))
            .Select(p => new RawDelivery(p.dataPath, RawManifest.Read(p.manifestPath)))
            .OrderBy(d => d.DeliveryDate)
            .ThenBy(d => d.FileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every standardised delivery of the feed, oldest first.</summary>
    public IReadOnlyList<StandardisedDelivery> StandardisedDeliveries(string feed)
    {
        var feedFolder = Path.Combine(StandardisedZone, feed);
        if (!Directory.Exists(feedFolder)) return [];
        var deliveries = new List<StandardisedDelivery>();
        foreach (var dateFolder in Directory.EnumerateDirectories(feedFolder))
        {
            if (!TryParseDateFolder(Path.GetFileName(dateFolder), out var date)) continue;
            foreach (var path in Directory.EnumerateFiles(dateFolder, "*" + StandardisedSuffix))
            {
                var fileName = Path.GetFileName(path)[..^StandardisedSuffix.Length];
                deliveries.Add(new StandardisedDelivery(feed, date, fileName, path, QuarantinePath(feed, date, fileName)));
            }
        }

        return deliveries
            .OrderBy(d => d.DeliveryDate)
            .ThenBy(d => d.FileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The newest completely landed file of the feed, if any.</summary>
    public RawDelivery? LatestRawDelivery(string feed) => RawDeliveries(feed) is [.., var latest] ? latest : null;

    /// <summary>The newest standardised delivery of the feed, if any: the one in use.</summary>
    public StandardisedDelivery? LatestStandardisedDelivery(string feed) => StandardisedDeliveries(feed) is [.., var latest] ? latest : null;

    /// <summary>Reads a zone's delivery-date folder name (yyyy-MM-dd).</summary>
    public static bool TryParseDateFolder(string name, out DateOnly date) =>
        DateOnly.TryParseExact(name, DateFolderFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string DateFolder(DateOnly date) => date.ToString(DateFolderFormat, CultureInfo.InvariantCulture);

    // The raw zone is immutable: a different file of the same name on the same day (a corrected resend)
    // is landed beside the first under a numbered name instead of replacing it.
    private static string FreeName(string folder, string fileName)
    {
        var candidate = fileName;
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 2; File.Exists(Path.Combine(folder, candidate + RawManifest.Suffix)); n++)
        {
            candidate = $"{stem}~{n}{extension}";
        }

        return candidate;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = OpenForReading(path);
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) hasher.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(hasher.GetHashAndReset());
    }

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
}
