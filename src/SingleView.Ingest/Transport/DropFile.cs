namespace SingleView.Ingest.Transport;

/// <summary>A file waiting in a feed's drop folder, with the delivery (extract) date it is for.</summary>
public sealed record DropFile(string Path, string FileName, DateOnly DeliveryDate, DateTimeOffset LastWriteUtc);

/// <summary>What a drop folder held when it was looked at. A missing folder is not an error: the feed simply has nothing.</summary>
public sealed record DropListing(string Folder, bool FolderExists, IReadOnlyList<DropFile> Files);
