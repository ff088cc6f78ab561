using SingleView.Ingest.Definitions;

namespace SingleView.Ingest.Transport;

/// <summary>
/// Partner files left in a folder (a share, or where an SFTP job puts them). Files are listed, never
/// moved or deleted: the drop folder belongs to the partner, and the raw zone recognises a file it
/// has already landed by its hash.
/// </summary>
public sealed class DropFolderTransport(string dropRoot)
{
    private static readonly EnumerationOptions Matching = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
    };

    public string DropRoot { get; } = Path.GetFullPath(dropRoot);

    /// <summary>The feed's folder: a relative <c>transport.drop_folder</c> is under the drop root, an absolute one is used as is.</summary>
    public string FolderFor(FeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var folder = definition.Transport.DropFolder;
        return Path.IsPathRooted(folder) ? Path.GetFullPath(folder) : Path.GetFullPath(Path.Combine(DropRoot, folder));
    }

    /// <summary>The files matching the feed's pattern, oldest delivery first.</summary>
    public DropListing List(FeedDefinition definition)
    {
        var folder = FolderFor(definition);
        if (!Directory.Exists(folder)) return new DropListing(folder, FolderExists: false, []);
        var files = Directory.EnumerateFiles(folder, definition.Transport.FilePattern, Matching)
            .Select(path => new FileInfo(path))
            .Where(info => !info.Name.StartsWith('.') && !info.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
            .Select(info =>
            {
                var lastWrite = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
                return new DropFile(info.FullName, info.Name, DeliveryDates.Of(info.Name, lastWrite), lastWrite);
            })
            .OrderBy(f => f.DeliveryDate)
            .ThenBy(f => f.FileName, StringComparer.Ordinal)
            .ToList();
        return new DropListing(folder, FolderExists: true, files);
    }
}
