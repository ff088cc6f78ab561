using System.Text.Json;
using System.Text.Json.Serialization;
using SingleView.Core.Model;
using SingleView.Standardise.Output;

namespace SingleView.Serve.Quality;

/// <summary>Reads the lake's standardised files (through the standardise stage's reader) and quarantine (JSON Lines) files as the standardise stage writes them.</summary>
internal static class LakeReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    // The standardise stage's own reader: it knows every layout the zone has been written in.
    public static IEnumerable<PersonRecord> Records(string path) => StandardisedZoneFile.Read(path);

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
