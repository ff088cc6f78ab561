using System.Text.Json;
using System.Text.Json.Serialization;

namespace SingleView.Standardise.Output;

/// <summary>How records are written in the lake: snake_case JSON, enums by name, one object per line.</summary>
internal static class LakeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };
}
