namespace SingleView.Match.Model;

// The YAML shapes of config/matching.yaml and config/match-parameters.yaml; MatchModelLoader validates them.
#pragma warning disable CA2227 // collection setters are how the YAML deserialiser fills them
internal sealed class MatchSettingsDocument
{
    public string? ParametersSource { get; set; }
    public double? PriorMatchProbability { get; set; }
    public ThresholdsDocument? Thresholds { get; set; }
    public TermFrequencyDocument? TermFrequency { get; set; }
    public List<BlockingRuleDocument>? BlockingRules { get; set; }
    public TrainingDocument? Training { get; set; }
    public List<ComparisonDocument>? Comparisons { get; set; }
    public SafeguardsDocument? Safeguards { get; set; }
}

internal sealed class ThresholdsDocument
{
    public double? LinkProbability { get; set; }
    public double? ReviewProbability { get; set; }
}

internal sealed class TermFrequencyDocument
{
    public double? MinimumU { get; set; }
    public double? AdjustmentWeight { get; set; }
    public int? MinimumValues { get; set; }
}

internal sealed class BlockingRuleDocument
{
    public string? Name { get; set; }
    public List<string>? Keys { get; set; }
}

internal sealed class TrainingDocument
{
    public List<BlockingRuleDocument>? BlockingRules { get; set; }
}

internal sealed class ComparisonDocument
{
    public string? Name { get; set; }
    public string? Column { get; set; }
    public string? OnlyWhenDifferent { get; set; }
    public List<LevelDocument>? Levels { get; set; }
}

internal sealed class LevelDocument
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public double? Threshold { get; set; }
    public int? MaxEdits { get; set; }
    public int? Days { get; set; }
    public int? MaxRarerCount { get; set; }
    public double? MaxRarerShare { get; set; }
    public bool? TermFrequency { get; set; }
    public bool? Fixed { get; set; }
    public double? M { get; set; }
    public double? U { get; set; }
}

internal sealed class SafeguardsDocument
{
    public bool? NoAutomaticLinkOnDifferentFirstName { get; set; }
    public bool? NoAutomaticLinkOnDifferentDateOfBirth { get; set; }
    public bool? NoAutomaticLinkOnConflictingIdentifier { get; set; }
    public bool? NoAutomaticLinkOnPossibleTwins { get; set; }
    public bool? NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday { get; set; }
    public bool? NotLinkedOnDistantDateOfBirth { get; set; }
    public bool? NoAutomaticLinkOnNamesakeInOneSourceWithoutDateOfBirth { get; set; }
    public string? MinimumEvidence { get; set; }
    public int? ClusterMaxDateOfBirthSpreadDays { get; set; }
}

/// <summary>config/match-parameters.yaml as <c>singleview train</c> writes it.</summary>
internal sealed class MatchParametersDocument
{
    public string? Source { get; set; }
    public string? TrainedAt { get; set; }
    public int? Records { get; set; }
    public List<string>? Feeds { get; set; }
    public int? Seed { get; set; }
    public long? RandomPairs { get; set; }
    public List<string>? TrainingBlockingRules { get; set; }
    public List<EmRunDocument>? ExpectationMaximisation { get; set; }
    public double? PriorMatchProbability { get; set; }
    public string? PriorSource { get; set; }
    public Dictionary<string, Dictionary<string, TrainedLevelDocument>>? Comparisons { get; set; }
}

internal sealed class EmRunDocument
{
    public string? BlockingRule { get; set; }
    public long? Pairs { get; set; }
    public List<string>? HeldOut { get; set; }
    public int? Iterations { get; set; }
    public bool? Converged { get; set; }
    public double? LastChange { get; set; }
    public double? MatchingShare { get; set; }
}

internal sealed class TrainedLevelDocument
{
    public double? M { get; set; }
    public double? U { get; set; }
    public string? MSource { get; set; }
    public string? USource { get; set; }
}
#pragma warning restore CA2227
