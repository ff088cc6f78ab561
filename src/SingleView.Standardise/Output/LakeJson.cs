using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SingleView.Core.Model;

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
        // Compile-time metadata for the types written a million times a night; anything else by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(LakeJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>Source-generated serialisation metadata for the lake's record types (same naming as <see cref="LakeJson.Options"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PersonRecord))]
[JsonSerializable(typeof(QuarantineEntry))]
internal sealed partial class LakeJsonContext : JsonSerializerContext;
