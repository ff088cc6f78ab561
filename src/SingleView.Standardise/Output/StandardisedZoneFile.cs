using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SingleView.Core.Model;
using SingleView.Ingest.Zones;

namespace SingleView.Standardise.Output;

/// <summary>A standardised delivery: gzip JSON Lines, one <see cref="PersonRecord"/> per line.</summary>
internal sealed class StandardisedZoneFile : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile file;
    private readonly GZipStream gzip;

    private StandardisedZoneFile(string path)
    {
        file = AtomicFile.Create(path);
        gzip = new GZipStream(file.Stream, CompressionLevel.Optimal, leaveOpen: true);
    }

    /// <summary>Starts writing under a temporary name; nothing is visible until <see cref="CommitAsync"/>.</summary>
    public static StandardisedZoneFile Create(string path) => new(path);

    public async Task WriteAsync(PersonRecord record, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(gzip, record, LakeJson.Options, cancellationToken);
        await gzip.WriteAsync(NewLine, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await gzip.DisposeAsync();
        await file.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await gzip.DisposeAsync();
        await file.DisposeAsync();
    }

    public static async IAsyncEnumerable<PersonRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0) continue;
            yield return JsonSerializer.Deserialize<PersonRecord>(line, LakeJson.Options)
                ?? throw new InvalidDataException($"{path}: a line holds no record");
        }
    }
}
