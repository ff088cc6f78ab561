namespace SingleView.Match.Model;

// The YAML shape of config/matching.yaml; MatchModelLoader validates it into MatchModel.
#pragma warning disable CA2227 // collection setters are how the YAML deserialiser fills them
internal sealed class MatchSettingsDocument
{
    public string? ParametersSource { get; set; }
    public double? PriorMatchProbability { get; set; }
    public ThresholdsDocument? Thresholds { get; set; }
    public List<BlockingRuleDocument>? BlockingRules { get; set; }
    public Dictionary<string, Dictionary<string, LevelDocument>>? Comparisons { get; set; }
    public SafeguardsDocument? Safeguards { get; set; }
}

internal sealed class ThresholdsDocument
{
    public double? LinkProbability { get; set; }
    public double? ReviewProbability { get; set; }
}

internal sealed class BlockingRuleDocument
{
    public string? Name { get; set; }
    public List<string>? Keys { get; set; }
}

internal sealed class LevelDocument
{
    public double? M { get; set; }
    public double? U { get; set; }
}

internal sealed class SafeguardsDocument
{
    public bool? NoAutomaticLinkOnDifferentFirstName { get; set; }
    public bool? NoAutomaticLinkOnDifferentDateOfBirth { get; set; }
    public bool? NoAutomaticLinkOnConflictingIdentifier { get; set; }
    public bool? NoAutomaticLinkOnPossibleTwins { get; set; }
    public string? MinimumEvidence { get; set; }
    public int? ClusterMaxDateOfBirthSpreadDays { get; set; }
}
#pragma warning restore CA2227
