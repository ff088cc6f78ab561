using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using SingleView.Core.Model;

namespace SingleView.Serve.Quality;

/// <summary>Reads the lake's standardised (gzip JSON Lines of PersonRecord) and quarantine (JSON Lines) files as the standardise stage writes them.</summary>
internal static class LakeReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static IEnumerable<PersonRecord> Records(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            if (JsonSerializer.Deserialize<PersonRecord>(line, Options) is { } record) yield return record;
        }
    }

    public static IReadOnlyList<QuarantinedRow> Quarantine(string path)
    {
        if (!File.Exists(path)) return [];
        return File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Entry>(l, Options))
            .Where(e => e is not null)
            .Select(e => new QuarantinedRow(e!.LineNumber, e.Reason ?? "(no reason)", e.RawText ?? ""))
            .ToList();
    }

    private sealed class Entry
    {
        public long LineNumber { get; set; }
        public string? RawText { get; set; }
        public string? Reason { get; set; }
    }
}
