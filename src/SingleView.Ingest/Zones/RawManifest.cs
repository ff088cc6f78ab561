using System.Text.Json;
using System.Text.Json.Serialization;

namespace SingleView.Ingest.Zones;

/// <summary>
/// What the lake knows of one file as received: written beside it as <c>&lt;file&gt;.manifest.json</c>.
/// The manifest is written after the file, so a file without one was never completely landed.
/// </summary>
public sealed record RawManifest(
    string Feed,
    string FileName,
    DateOnly DeliveryDate,
    string Sha256,
    long Bytes,
    long Rows,
    DateTimeOffset ReceivedAt,
    string OriginPath)
{
    public const string Suffix = ".manifest.json";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);

    internal static RawManifest Read(string path) =>
        JsonSerializer.Deserialize<RawManifest>(File.ReadAllBytes(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} holds no manifest");
}
