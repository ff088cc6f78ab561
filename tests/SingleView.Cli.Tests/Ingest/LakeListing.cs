using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SingleView.Cli.Tests.Ingest;

/// <summary>
/// A lake reduced to what must not differ between runs: every file's path and the SHA-256 of its
/// content — decompressed for gzip, and for manifests without the time the file was received.
/// </summary>
internal static class LakeListing
{
    public static IReadOnlyList<string> Of(string lakeRoot) =>
        Directory.EnumerateFiles(lakeRoot, "*", SearchOption.AllDirectories)
            .Select(path => $"{Path.GetRelativePath(lakeRoot, path).Replace('\\', '/')} {Hash(path)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Hash(string path)
    {
        if (path.EndsWith(".manifest.json", StringComparison.Ordinal))
        {
            var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            manifest.Remove("received_at");
            return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(manifest)));
        }

        using var file = File.OpenRead(path);
        using Stream content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }
}
