namespace SingleView.Serve.Configuration;

/// <summary>The shape of display.yaml as written; <see cref="DisplaySettings"/> validates it.</summary>
internal sealed class DisplayDocument
{
    public int? StaleAfterDays { get; set; }

    public string? Disclaimer { get; set; }

    public Dictionary<string, AgeRuleDocument>? AgeRules { get; set; }
}

internal sealed class AgeRuleDocument
{
    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }
}
