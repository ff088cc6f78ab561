namespace SingleView.Ingest.Zones;

/// <summary>
/// A file written under a temporary name in its final folder and renamed into place when complete,
/// so a reader of the lake never sees half a file (a rename within one folder is atomic on local
/// file systems and on ADLS Gen2 with a hierarchical namespace).
/// </summary>
public sealed class AtomicFile : IAsyncDisposable
{
    /// <summary>The suffix of files being written; listings of the lake skip them.</summary>
    public const string TemporarySuffix = ".tmp";

    private readonly FileStream stream;
    private bool committed;

    private AtomicFile(string finalPath)
    {
        FinalPath = finalPath;
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        TemporaryPath = $"{finalPath}.{Guid.NewGuid():N}{TemporarySuffix}";
        stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
    }

    public string FinalPath { get; }
    public string TemporaryPath { get; }

    /// <summary>Where to write the content. Do not dispose it; commit or dispose this object instead.</summary>
    public Stream Stream => stream;

    public static AtomicFile Create(string finalPath) => new(finalPath);

    public static async Task WriteAllBytesAsync(string finalPath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var file = Create(finalPath);
        await file.Stream.WriteAsync(content, cancellationToken);
        await file.CommitAsync(cancellationToken);
    }

    /// <summary>Flushes to disk and renames the file into place, replacing any older file of that name.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync();
        File.Move(TemporaryPath, FinalPath, overwrite: true);
        committed = true;
    }

    /// <summary>Abandons an uncommitted file: the temporary file is deleted and nothing becomes visible.</summary>
    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        if (!committed && File.Exists(TemporaryPath)) File.Delete(TemporaryPath);
    }
}
