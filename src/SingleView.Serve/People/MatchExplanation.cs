using System.Text.Json;

namespace SingleView.Serve.People;

/// <summary>
/// Reads match_pair.explanation: {"prior", "comparisons": [{"comparison","level","weight"}], "match_weight",
/// "match_probability", "blocking_rule"}. The compared values ("left"/"right") are deliberately not read:
/// they may hold a restricted person's address.
/// </summary>
internal static class MatchExplanation
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static (double? Prior, string? BlockingRule, IReadOnlyList<ComparisonView> Comparisons) Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return (null, null, []);
        try
        {
            var document = JsonSerializer.Deserialize<ExplanationDocument>(json, Options);
            var comparisons = (document?.Comparisons ?? [])
                .Select(c => new ComparisonView(c.Comparison ?? "(comparison)", c.Level ?? "(level)", c.Weight ?? 0))
                .ToList();
            return (document?.Prior, string.IsNullOrWhiteSpace(document?.BlockingRule) ? null : document.BlockingRule, comparisons);
        }
        catch (JsonException)
        {
            // An unreadable explanation shows the final weight and probability only.
            return (null, null, []);
        }
    }

    private sealed class ExplanationDocument
    {
        public double? Prior { get; set; }

        public string? BlockingRule { get; set; }

        public List<ComparisonDocument>? Comparisons { get; set; }
    }

    private sealed class ComparisonDocument
    {
        public string? Comparison { get; set; }

        public string? Level { get; set; }

        public double? Weight { get; set; }
    }
}
