using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SingleView.Serve.Audit;

/// <summary>
/// The chain's hash: SHA-256 over a canonical serialisation (a JSON object with the fields in a fixed
/// order, strings exactly as stored, the previous entry's hash included) of one entry. The sequence
/// number is left out on purpose: order is carried by previous_hash, so a moved entry shows as moved.
/// </summary>
internal static class AuditHash
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonWriterOptions Canonical = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    public static string Compute(
        string occurredAt, string userSubject, string userName, string role, string action, string? goldenId, string? requestedId,
        string? searchTerms, string? purpose, int? resultCount, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            writer.WriteStartObject();
            writer.WriteString("occurred_at", occurredAt);
            writer.WriteString("user_subject", userSubject);
            writer.WriteString("user_name", userName);
            writer.WriteString("role", role);
            writer.WriteString("action", action);
            writer.WriteString("golden_id", goldenId);
            writer.WriteString("requested_id", requestedId);
            writer.WriteString("search_terms", searchTerms);
            writer.WriteString("purpose", purpose);
            if (resultCount is { } count) writer.WriteNumber("result_count", count);
            else writer.WriteNull("result_count");
            writer.WriteString("previous_hash", previousHash);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Of(AuditEntry entry) => Compute(
        entry.OccurredAt, entry.UserSubject, entry.UserName, entry.Role, entry.Action, entry.GoldenId, entry.RequestedId,
        entry.SearchTerms, entry.Purpose, entry.ResultCount, entry.PreviousHash);
}
