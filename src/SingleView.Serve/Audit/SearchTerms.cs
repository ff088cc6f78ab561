using System.Text.Encodings.Web;
using System.Text.Json;

namespace SingleView.Serve.Audit;

/// <summary>The terms of a search as the log keeps them: exactly as entered, in a JSON object, blank fields left out.</summary>
internal static class SearchTerms
{
    // Relaxed escaping keeps "<script>" readable in the stored text; it is never written into a page unencoded.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(IEnumerable<KeyValuePair<string, string?>> entered) =>
        JsonSerializer.Serialize(
            entered.Where(e => !string.IsNullOrEmpty(e.Value)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Options);
}
