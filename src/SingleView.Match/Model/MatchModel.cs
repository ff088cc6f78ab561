using System.Collections.Immutable;

namespace SingleView.Match.Model;

/// <summary>Records that agree on every key of a rule become a candidate pair.</summary>
public sealed record BlockingRule(string Name, ImmutableArray<BlockingKey> Keys);

public enum BlockingKey
{
    NhsNumber,
    Upn,
    CasePersonId,
    DateOfBirth,
    BirthYear,
    FirstNameSoundex,
    FamilyNameSoundex,
    FirstNamePhonetic,
    FamilyNamePhonetic,
    FirstNameInitial,
    Postcode,
    Email,
    /// <summary>The record's first named identifier, with its name (<c>soc_sec_id=1804974</c>).</summary>
    Identifier,
    /// <summary>Both names' Soundex codes in alphabetical order, so first and family names swapped still share a block.</summary>
    NamesSoundexEitherOrder,
    /// <summary>The town (a feed's city column, or the last part of the address).</summary>
    City,
}

/// <summary>What two records need, short of an agreeing identifier, before they may be linked automatically.</summary>
public enum MinimumEvidence
{
    None,
    NameAndDateOfBirth,
    NameAndDateOfBirthOrAddress,
}

public sealed record MatchSafeguards(
    bool NoAutomaticLinkOnDifferentFirstName,
    bool NoAutomaticLinkOnDifferentDateOfBirth,
    bool NoAutomaticLinkOnConflictingIdentifier,
    bool NoAutomaticLinkOnPossibleTwins,
    MinimumEvidence MinimumEvidence,
    int ClusterMaxDateOfBirthSpreadDays)
{
    /// <summary>Plainly different first names at one home on one birthday, no identifier agreeing: twins or siblings, not linked (not even reviewed).</summary>
    public bool NotLinkedOnDifferentFirstNameAtSameHomeAndBirthday { get; init; } = true;

    /// <summary>Dates of birth far apart with no identifier agreeing: parent and child of one name, not linked.</summary>
    public bool NotLinkedOnDistantDateOfBirth { get; init; } = true;
    /// <summary>
    /// One source holding one name twice at one home, a date of birth missing, no identifier
    /// corroborating: a parent and child of one name look like this. Without the name and home what
    /// remains must reach the link threshold, or a person decides.
    /// </summary>
    public bool NoAutomaticLinkOnNamesakeInOneSourceWithoutDateOfBirth { get; init; } = true;
}

/// <summary>
/// How term-frequency adjustments are bounded: frequencies below <c>MinimumU</c> count as it, and a run
/// with fewer than <c>MinimumValues</c> values of a column has too few to say what is common, so it is not adjusted.
/// </summary>
public sealed record TermFrequencySettings(double MinimumU, double AdjustmentWeight, int MinimumValues)
{
    public static TermFrequencySettings Default { get; } = new(0.00001, 1.0, 1000);
}

/// <summary>Where the m and u values and the prior came from, as written by <c>singleview train</c>.</summary>
public sealed record ParameterProvenance
{
    public static ParameterProvenance Configuration { get; } = new() { Source = "configuration (config/matching.yaml starting values)" };

    public required string Source { get; init; }
    public string? TrainedAt { get; init; }
    public int Records { get; init; }
    public IReadOnlyList<string> Feeds { get; init; } = [];
    public IReadOnlyList<string> TrainingBlockingRules { get; init; } = [];
    public int Seed { get; init; }
    public long RandomPairs { get; init; }
    public string? File { get; init; }
}

/// <summary>The validated, immutable match model the engine runs.</summary>
public sealed record MatchModel
{
    public required string ParametersSource { get; init; }
    public ParameterProvenance Provenance { get; init; } = ParameterProvenance.Configuration;
    public required double PriorMatchProbability { get; init; }
    public required double LinkProbability { get; init; }
    public required double ReviewProbability { get; init; }
    public required ImmutableArray<BlockingRule> BlockingRules { get; init; }
    /// <summary>Blocking rules for training m by expectation maximisation; the comparisons on their columns are held out.</summary>
    public ImmutableArray<BlockingRule> TrainingBlockingRules { get; init; } = [];
    public required ImmutableArray<ComparisonDefinition> Comparisons { get; init; }
    public required MatchSafeguards Safeguards { get; init; }
    public required NicknameTable Nicknames { get; init; }
    public TermFrequencySettings TermFrequency { get; init; } = TermFrequencySettings.Default;

    /// <summary>The prior as a weight: log2 of the prior odds.</summary>
    public double PriorWeight => Math.Log2(PriorMatchProbability / (1 - PriorMatchProbability));

    public ComparisonDefinition? Comparison(string name) => Comparisons.FirstOrDefault(c => c.Name == name);

    public ComparisonDefinition? ComparisonOn(ComparisonColumn column) => Comparisons.FirstOrDefault(c => c.Column == column);

    public static double ProbabilityOf(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));

    /// <summary>The weight a probability needs: log2(p / (1 - p)).</summary>
    public static double WeightOf(double probability) => Math.Log2(probability / (1 - probability));
}
