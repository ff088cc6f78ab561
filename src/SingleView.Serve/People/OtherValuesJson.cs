using System.Text.Json;

namespace SingleView.Serve.People;

/// <summary>Reads field_lineage.other_values: a JSON array of {"value","feed","record_id","source_system","extract_date"}.</summary>
internal static class OtherValuesJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<(string Value, string Feed, string RecordId, string SourceSystem, string ExtractDate)> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return (JsonSerializer.Deserialize<List<OtherValueDocument>>(json, Options) ?? [])
                .Where(v => v.Value is not null && v.Feed is not null)
                .Select(v => (v.Value!, v.Feed!, v.RecordId ?? string.Empty, v.SourceSystem ?? string.Empty, v.ExtractDate ?? string.Empty))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed class OtherValueDocument
    {
        public string? Value { get; set; }

        public string? Feed { get; set; }

        public string? RecordId { get; set; }

        public string? SourceSystem { get; set; }

        public string? ExtractDate { get; set; }
    }
}
